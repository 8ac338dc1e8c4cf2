using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Api;

/// <summary>The people of a directory CSV with the line each came from, and every error found.</summary>
internal sealed class DirectoryCsvResult
{
    public List<PersonDetails> People { get; } = [];

    public List<string> Lines { get; } = [];

    public List<ValidationError> Errors { get; } = [];

    public void Add(string line, PersonDetails person)
    {
        Lines.Add(line);
        People.Add(person);
    }

    public DirectoryCsvResult Fail(string field, string message)
    {
        Errors.Add(new(field, message));
        return this;
    }
}
