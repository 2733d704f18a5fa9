using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Loading;

/// <summary>Reads <c>citations:</c>: a list of <c>{ source, text, url }</c>, or of plain source ids.</summary>
internal static class CitationReader
{
    private static readonly string[] Keys = ["source", "text", "url"];

    public static List<Citation> Read(YamlReading yaml, TreeNode? node, string what)
    {
        var citations = new List<Citation>();
        foreach (var item in yaml.Items(node, $"the citations of {what}"))
        {
            if (item is TreeScalar { IsNull: false } plain)
            {
                citations.Add(new Citation(plain.Value, null, null));
                continue;
            }

            var keys = yaml.Keys(item, $"a citation of {what}", Keys, "source");
            if (yaml.Scalar(keys, "source", what) is { } source)
            {
                citations.Add(new Citation(source.Value, yaml.Scalar(keys, "text", what)?.Value, yaml.Scalar(keys, "url", what)?.Value));
            }
        }

        return citations;
    }
}
