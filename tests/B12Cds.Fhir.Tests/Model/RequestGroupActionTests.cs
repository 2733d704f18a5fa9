using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class RequestGroupActionTests
{
    private static readonly FhirJsonParser Parser = new();

    [Fact]
    public void RoundTrip_RelatedActionAndDocumentation_AreKept()
    {
        // Arrange
        const string Json = """{"resourceType":"RequestGroup","status":"draft","intent":"proposal","action":[{"title":"Recheck serum B12","documentation":[{"type":"documentation","url":"https://www.nice.org.uk/guidance/ng239"}],"relatedAction":[{"actionId":"loading","relationship":"after-end","offsetDuration":{"value":8,"unit":"wk","system":"http://unitsofmeasure.org","code":"wk"}}],"resource":{"reference":"ServiceRequest/b12"}}]}""";

        // Act
        var result = Parser.Parse(Json);

        // Assert
        var action = Assert.Single(Assert.IsType<RequestGroup>(result.Resource).Action);
        var related = Assert.Single(action.RelatedAction);
        Assert.Equal("loading", related.ActionId);
        Assert.Equal("after-end", related.Relationship);
        Assert.Equal(8m, related.OffsetDuration!.Value!.Value.Value);
        Assert.Equal("documentation", Assert.Single(action.Documentation).Type);
        Assert.Equal(Json, FhirJson.Serialize(result.Resource!));
    }

    [Fact]
    public void RoundTrip_ActionIdThatRelatedActionPointsAt_IsKept()
    {
        // Arrange
        const string Json = """{"resourceType":"RequestGroup","status":"draft","intent":"proposal","action":[{"id":"loading","title":"Loading"},{"id":"maintenance","title":"Maintenance","relatedAction":[{"actionId":"loading","relationship":"after-end"}]}]}""";

        // Act
        var written = FhirJson.Serialize(Parser.Parse(Json).Resource!);

        // Assert
        Assert.Equal(Json, written);
    }
}
