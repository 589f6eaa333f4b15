using System;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace GeneratedBus.Runtime.Tests.Diagnostics;

/// <summary>A debugger shows a misspelt member as an error text, and nothing else notices: check every one resolves.</summary>
public class DebuggerDisplayTests
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    [Theory]
    [InlineData(typeof(BoundedRing<object>))]
    [InlineData(typeof(EventLoop<int>))]
    [InlineData(typeof(BusStats))]
    [InlineData(typeof(QueueStats))]
    [InlineData(typeof(ListenerStats))]
    public void Every_member_the_display_names_exists_and_is_a_field_or_property(Type type)
    {
        string display = Assert.IsType<DebuggerDisplayAttribute>(type.GetCustomAttribute<DebuggerDisplayAttribute>()).Value;
        MatchCollection holes = Regex.Matches(display, @"\{([^}]*)\}");
        Assert.NotEmpty(holes);
        foreach (Match hole in holes)
        {
            // "{Name,nq}": the member path, then format specifiers the debugger applies.
            string path = hole.Groups[1].Value.Split(',')[0].Trim();
            Type current = type;
            foreach (string member in path.Split('.'))
            {
                Type? next = Find(current, member);
                Assert.True(next is not null, $"{type.Name}'s display names '{path}', but {current.Name} has no '{member}'");
                current = next!;
            }
        }
    }

    // An interface's own type does not list the members of the interfaces it extends (Count on IReadOnlyDictionary),
    // but the debugger finds them.
    private static Type? Find(Type type, string member)
    {
        foreach (Type candidate in (Type[])[type, .. type.GetInterfaces()])
        {
            Type? found = candidate.GetProperty(member, Members)?.PropertyType ?? candidate.GetField(member, Members)?.FieldType;
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
