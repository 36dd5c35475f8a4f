using System.Globalization;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// Deep equality of plain values (maps, lists, strings, longs, doubles, bools, nulls) that also checks the
/// kind of every number and the order of map keys, which record equality cannot see through collections.
/// </summary>
public static class PlainAssert
{
    public static void Equal(object? expected, object? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {Describe(actual)}");
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                var actualMap = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(actual).ToList();
                var expectedMap = map.ToList();
                Assert.True(
                    expectedMap.Select(p => p.Key).SequenceEqual(actualMap.Select(p => p.Key)),
                    $"{path}: keys [{string.Join(", ", expectedMap.Select(p => p.Key))}] != [{string.Join(", ", actualMap.Select(p => p.Key))}]");
                for (var i = 0; i < expectedMap.Count; i++)
                {
                    Equal(expectedMap[i].Value, actualMap[i].Value, $"{path}.{expectedMap[i].Key}");
                }

                break;
            case string text:
                Assert.True(actual is string s && s == text, $"{path}: expected \"{text}\", got {Describe(actual)}");
                break;
            case System.Collections.IEnumerable list:
                var expectedItems = list.Cast<object?>().ToList();
                var actualItems = Assert.IsAssignableFrom<System.Collections.IEnumerable>(actual).Cast<object?>().ToList();
                Assert.True(expectedItems.Count == actualItems.Count, $"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Equal(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(
                    actual is not null && expected.GetType() == actual.GetType() && expected.Equals(actual),
                    $"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                break;
        }
    }

    private static string Describe(object? value) =>
        value is null ? "null" : $"{Convert.ToString(value, CultureInfo.InvariantCulture)} ({value.GetType().Name})";
}
