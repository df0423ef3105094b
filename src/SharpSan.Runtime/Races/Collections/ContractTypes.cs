using System.Collections.Concurrent;
using System.Reflection;

namespace SharpSan.Runtime.Races.Collections;

/// <summary>
/// Whether a runtime type is one of the contract's collections (or derives from one): the test that a call through a
/// collection interface pays before it is checked. The last answer is kept for a reference compare, since a call
/// site nearly always sees one type.
/// </summary>
internal static class ContractTypes
{
    sealed class Answer(Type type, bool covered)
    {
        public readonly Type Type = type;
        public readonly bool Covered = covered;
    }

    static readonly HashSet<string> s_definitions = typeof(CollectionContract)
        .GetCustomAttributes<CollectionContractAttribute>().Select(row => row.Type).ToHashSet();

    static readonly ConcurrentDictionary<Type, Answer> s_answers = new();
    static Answer? s_last;

    public static bool Covers(Type type)
    {
        var last = s_last;
        if (last is not null && ReferenceEquals(last.Type, type)) return last.Covered;
        var answer = s_answers.GetOrAdd(type, static t => new Answer(t, Classify(t)));
        s_last = answer;
        return answer.Covered;
    }

    static bool Classify(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && s_definitions.Contains(type.GetGenericTypeDefinition().FullName!)) return true;
        return false;
    }
}
