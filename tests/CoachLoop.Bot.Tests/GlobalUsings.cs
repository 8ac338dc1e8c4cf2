global using System.Net;
global using System.Net.Http.Json;
global using CoachLoop.Bot.Tests.Support;
global using CoachLoop.Testing;
