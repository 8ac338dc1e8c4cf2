namespace CoachLoop.Engine.Common;

/// <summary>
/// The one exception the Engine throws for an illegal move: a transition the state machine
/// does not allow, or an action whose preconditions do not hold. Input validation does not
/// throw; it returns <see cref="ValidationError"/> lists.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    public DomainException() : this("domain", "Illegal operation.") { }

    public DomainException(string message) : this("domain", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "domain";

    /// <summary>A stable, machine-readable code such as <c>flag.illegal-transition</c>.</summary>
    public string Code { get; } = "domain";
}
