using System.Text.Json;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// Writes the CDS Hooks response model straight to a <see cref="Utf8JsonWriter"/>: the same JSON, byte for byte, as
/// the source-generated metadata of <see cref="CdsHooksJsonContext"/> with the <see cref="JsonShape"/> rules gives
/// (camelCase, properties in declaration order, nulls and empty lists not written, <c>cards</c> always written), without
/// the serializer's per-property metadata walk. A hook answer is mostly this JSON, so it is written by hand; FHIR
/// resources inside actions are still written by the FHIR layer (<see cref="FhirJson"/>).
/// </summary>
/// <remarks>
/// A property added to one of the model types must be added here too, in its declaration order:
/// <c>CdsHooksJsonWriterTests</c> compares this writer with the serializer for every type and fails until it is.
/// </remarks>
internal static class CdsHooksJsonWriter
{
    private static readonly JsonEncodedText CardsName = JsonEncodedText.Encode("cards");
    private static readonly JsonEncodedText SystemActionsName = JsonEncodedText.Encode("systemActions");
    private static readonly JsonEncodedText UuidName = JsonEncodedText.Encode("uuid");
    private static readonly JsonEncodedText SummaryName = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText DetailName = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText IndicatorName = JsonEncodedText.Encode("indicator");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText SuggestionsName = JsonEncodedText.Encode("suggestions");
    private static readonly JsonEncodedText SelectionBehaviorName = JsonEncodedText.Encode("selectionBehavior");
    private static readonly JsonEncodedText OverrideReasonsName = JsonEncodedText.Encode("overrideReasons");
    private static readonly JsonEncodedText LinksName = JsonEncodedText.Encode("links");
    private static readonly JsonEncodedText ExtensionName = JsonEncodedText.Encode("extension");
    private static readonly JsonEncodedText LabelName = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText IconName = JsonEncodedText.Encode("icon");
    private static readonly JsonEncodedText TopicName = JsonEncodedText.Encode("topic");
    private static readonly JsonEncodedText SystemName = JsonEncodedText.Encode("system");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("display");
    private static readonly JsonEncodedText UserSelectedName = JsonEncodedText.Encode("userSelected");
    private static readonly JsonEncodedText IsRecommendedName = JsonEncodedText.Encode("isRecommended");
    private static readonly JsonEncodedText ActionsName = JsonEncodedText.Encode("actions");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText DescriptionName = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText ResourceName = JsonEncodedText.Encode("resource");
    private static readonly JsonEncodedText ResourceIdName = JsonEncodedText.Encode("resourceId");
    private static readonly JsonEncodedText RulesName = JsonEncodedText.Encode("b12cds.rules");
    private static readonly JsonEncodedText RuleSetVersionName = JsonEncodedText.Encode("b12cds.ruleSetVersion");
    private static readonly JsonEncodedText ExplanationName = JsonEncodedText.Encode("b12cds.explanation");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText SequenceName = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText GroupName = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText CitationsName = JsonEncodedText.Encode("citations");
    private static readonly JsonEncodedText FactsName = JsonEncodedText.Encode("facts");
    private static readonly JsonEncodedText NotOfferedName = JsonEncodedText.Encode("notOffered");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText BindingName = JsonEncodedText.Encode("binding");
    private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    /// <summary>Writes a response: <c>cards</c> always, <c>systemActions</c> when there are any.</summary>
    public static void WriteResponse(Utf8JsonWriter writer, CdsResponse response)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(CardsName);
        WriteItems(writer, response.Cards, WriteCard);
        WriteArray(writer, SystemActionsName, response.SystemActions, WriteAction);
        writer.WriteEndObject();
    }

    /// <summary>Writes one card.</summary>
    public static void WriteCard(Utf8JsonWriter writer, Card card)
    {
        writer.WriteStartObject();
        WriteString(writer, UuidName, card.Uuid);
        WriteString(writer, SummaryName, card.Summary);
        WriteString(writer, DetailName, card.Detail);
        WriteString(writer, IndicatorName, card.Indicator);
        if (card.Source is { } source)
        {
            writer.WritePropertyName(SourceName);
            WriteSource(writer, source);
        }

        WriteArray(writer, SuggestionsName, card.Suggestions, WriteSuggestion);

        WriteString(writer, SelectionBehaviorName, card.SelectionBehavior);
        WriteArray(writer, OverrideReasonsName, card.OverrideReasons, WriteCoding);

        WriteArray(writer, LinksName, card.Links, WriteLink);

        if (card.Extension is { } extension)
        {
            writer.WritePropertyName(ExtensionName);
            WriteExtension(writer, extension);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an action: type and description (always), the resource by the FHIR layer, the resource id.</summary>
    public static void WriteAction(Utf8JsonWriter writer, CdsAction action)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, action.Type);
        writer.WriteString(DescriptionName, action.Description);
        if (action.Resource is { } resource)
        {
            writer.WritePropertyName(ResourceName);
            FhirJson.Write(writer, resource);
        }

        WriteString(writer, ResourceIdName, action.ResourceId);
        writer.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter writer, CardSource source)
    {
        writer.WriteStartObject();
        WriteString(writer, LabelName, source.Label);
        WriteString(writer, UrlName, source.Url);
        WriteString(writer, IconName, source.Icon);
        if (source.Topic is { } topic)
        {
            writer.WritePropertyName(TopicName);
            WriteCoding(writer, topic);
        }

        writer.WriteEndObject();
    }

    private static void WriteCoding(Utf8JsonWriter writer, Coding coding)
    {
        writer.WriteStartObject();
        WriteString(writer, SystemName, coding.System);
        WriteString(writer, VersionName, coding.Version);
        WriteString(writer, CodeName, coding.Code);
        WriteString(writer, DisplayName, coding.Display);
        if (coding.UserSelected is { } userSelected)
        {
            writer.WriteBoolean(UserSelectedName, userSelected);
        }

        writer.WriteEndObject();
    }

    private static void WriteSuggestion(Utf8JsonWriter writer, Suggestion suggestion)
    {
        writer.WriteStartObject();
        WriteString(writer, LabelName, suggestion.Label);
        WriteString(writer, UuidName, suggestion.Uuid);
        if (suggestion.IsRecommended is { } recommended)
        {
            writer.WriteBoolean(IsRecommendedName, recommended);
        }

        WriteArray(writer, ActionsName, suggestion.Actions, WriteAction);
        writer.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter writer, CdsLink link)
    {
        writer.WriteStartObject();
        WriteString(writer, LabelName, link.Label);
        WriteString(writer, UrlName, link.Url);
        WriteString(writer, TypeName, link.Type);
        writer.WriteEndObject();
    }

    private static void WriteExtension(Utf8JsonWriter writer, CardExtension extension)
    {
        writer.WriteStartObject();
        WriteArray(writer, RulesName, extension.Rules, WriteRuleReference);

        WriteString(writer, RuleSetVersionName, extension.RuleSetVersion);
        WriteArray(writer, ExplanationName, extension.Explanation, WriteExplanation);

        writer.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter writer, CardExplanation explanation)
    {
        writer.WriteStartObject();
        WriteString(writer, RuleName, explanation.Rule);
        WriteString(writer, TitleName, explanation.Title);
        WriteString(writer, RoleName, explanation.Role);
        writer.WriteNumber(SequenceName, explanation.Sequence);
        WriteString(writer, IndicatorName, explanation.Indicator);
        WriteString(writer, SummaryName, explanation.Summary);
        WriteString(writer, GroupName, explanation.Group);
        WriteArray(writer, CitationsName, explanation.Citations, WriteCitation);

        WriteArray(writer, FactsName, explanation.Facts, WriteFact);

        WriteArray(writer, NotOfferedName, explanation.NotOffered, static (w, reason) => w.WriteStringValue(reason));

        writer.WriteEndObject();
    }

    private static void WriteRuleReference(Utf8JsonWriter writer, RuleReference rule)
    {
        writer.WriteStartObject();
        WriteString(writer, IdName, rule.Id);
        WriteString(writer, VersionName, rule.Version);
        writer.WriteEndObject();
    }

    private static void WriteCitation(Utf8JsonWriter writer, Citation citation)
    {
        writer.WriteStartObject();
        WriteString(writer, SourceName, citation.Source);
        WriteString(writer, TextName, citation.Text);
        WriteString(writer, UrlName, citation.Url);
        writer.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter writer, ExplainedFact fact)
    {
        writer.WriteStartObject();
        WriteString(writer, BindingName, fact.Binding);
        WriteString(writer, TypeName, fact.Type);
        WriteString(writer, ReferenceName, fact.Reference);
        WriteString(writer, PathName, fact.Path);
        WriteString(writer, TextName, fact.Text);
        writer.WriteEndObject();
    }

    /// <summary>Writes a list property unless the list is empty (<see cref="JsonShape.OmitEmptyCollections"/>).</summary>
    private static void WriteArray<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count > 0)
        {
            writer.WritePropertyName(name);
            WriteItems(writer, items, write);
        }
    }

    /// <summary>Writes a list as a JSON array; a null item as <c>null</c>, as the serializer does.</summary>
    private static void WriteItems<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                write(writer, item);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string property unless the value is null (the serializer's <c>WhenWritingNull</c>).</summary>
    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
