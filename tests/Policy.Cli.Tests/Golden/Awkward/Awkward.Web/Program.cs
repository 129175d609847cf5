using Microsoft.Extensions.AI;

// Top-level statements that use AI and belong to no system: POL001 on the statement, undeclared in the pack.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
IChatClient? chat = app.Services.GetService<IChatClient>();
app.MapGet("/ask", async (string q) => chat is null ? "offline" : (await chat.GetResponseAsync(q)).Text);
app.Run();
