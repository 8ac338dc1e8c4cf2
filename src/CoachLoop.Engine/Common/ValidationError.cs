namespace CoachLoop.Engine.Common;

/// <summary>One reason an input was refused, naming the field with a JSON-path-like name (<c>criteria[1].weight</c>).</summary>
public sealed record ValidationError(string Field, string Message);
