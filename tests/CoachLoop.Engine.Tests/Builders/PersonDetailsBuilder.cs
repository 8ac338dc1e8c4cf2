namespace CoachLoop.Engine.Tests.Builders;

/// <summary>A valid directory row: an agent on the billing team in Paris with 25 calls a day.</summary>
public sealed class PersonDetailsBuilder
{
    private PersonDetails _details = new("Dana@Example.com", "Dana Agent", PersonRole.Agent, "billing", "agent-77", "Europe/Paris", 25,
        "U024BE7LH", null);

    public PersonDetailsBuilder With(Func<PersonDetails, PersonDetails> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _details = change(_details);
        return this;
    }

    public PersonDetails Build() => _details;
}
