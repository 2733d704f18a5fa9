using B12Cds.Fhir.Model;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Rules.Tests.Scenarios;

public sealed class PatientInputsHookRequestTests
{
    [Fact]
    public void A_captured_cds_hooks_request_is_read_as_its_prefetch()
    {
        var file = Path.Combine(RepoPaths.Samples, "cds-hooks", "patient-view-pernicious-anaemia-neuro.json");

        var (patients, count) = PatientInputs.Open(file)!.Value;
        var parsed = Assert.Single(patients).Read();

        Assert.Equal(1, count);
        Assert.True(parsed.IsReadable);
        var bundle = Assert.IsType<Bundle>(parsed.Resource);
        Assert.Contains(bundle.Entry, e => e.Resource is Patient);
        Assert.Contains(bundle.Entry, e => e.Resource is Bundle { Type: "searchset" });
    }

    [Fact]
    public void Json_that_is_neither_a_resource_nor_a_hook_request_stays_an_error()
    {
        var folder = Directory.CreateTempSubdirectory("b12cds-inputs-");
        try
        {
            var file = Path.Combine(folder.FullName, "x.json");
            File.WriteAllText(file, """{"hook":"patient-view","context":{}}""");

            var parsed = Assert.Single(PatientInputs.Open(file)!.Value.Patients).Read();

            Assert.False(parsed.IsReadable);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
