global using CoachLoop.Data.Tests.Support;
global using CoachLoop.Testing;
