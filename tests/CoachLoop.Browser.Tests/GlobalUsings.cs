global using System.Net;
global using System.Net.Http.Json;
global using CoachLoop.Browser.Tests.Support;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
