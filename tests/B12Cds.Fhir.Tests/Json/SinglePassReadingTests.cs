using System.Text;
using System.Text.Json.Nodes;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// The single-pass reading (each resource read where the document's reader stands) against the reference reading (the
/// serializer scoping a reader to each resource): same resources, same issues with the same positions, same offsets,
/// on every official example, every sample bundle, and damaged copies of them.
/// </summary>
public sealed class SinglePassReadingTests
{
    private static readonly FhirJsonParser SinglePass = new();
    private static readonly FhirJsonParser Reference = FhirJsonParser.Reference();

    public static TheoryData<string> Inputs { get; } = new(
        TestFiles.ExampleFileNames().Select(TestFiles.Example)
            .Concat(Directory.EnumerateFiles(RepoPaths.Samples, "*.json").Order(StringComparer.Ordinal)));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_File_SameAsReferenceReading(string path)
    {
        // Arrange
        var bytes = File.ReadAllBytes(path);

        // Act
        var singlePass = SinglePass.Parse(bytes);
        var reference = Reference.Parse(bytes);

        // Assert
        AssertSame(reference, singlePass);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parse_DamagedFile_SameAsReferenceReading(string path)
    {
        // Arrange: the same file with a few values of the wrong JSON type, unreadable dates, duplicate keys and
        // invalid resources placed at random (seeded by the file name, so a failure reproduces).
        var original = JsonNode.Parse(File.ReadAllBytes(path))!;
        var random = new Random(StableSeed(Path.GetFileName(path)));

        for (var round = 0; round < 8; round++)
        {
            var damaged = original.DeepClone();
            var description = Damage(damaged, random);
            var bytes = Encoding.UTF8.GetBytes(description.Duplicate ? WithDuplicateKey(damaged.ToJsonString()) : damaged.ToJsonString());

            // Act
            var singlePass = SinglePass.Parse(bytes);
            var reference = Reference.Parse(bytes);

            // Assert
            AssertSame(reference, singlePass, description.What);
        }
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}},{\"resource\":{\"resourceType\":\"Patient\",\"id\":")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\" \"id\":\"o\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}}]} trailing")]
    [InlineData("{\"resourceType\":\"Patient\",\"birthDate\":\"1974-12-25\",\"birthDate\":\"1974-12-26\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\",\"code\":7}]}}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"a\",\"part\":[{\"name\":\"b\",\"resource\":{\"resourceType\":\"Patient\",\"active\":\"yes\"}}]}]}")]
    [InlineData("[{\"resourceType\":\"Patient\"}]")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"s\",\"id\":\"a\",\"id\":\"b\"}]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"s\",\"system\":\"t\"}]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[null,{\"code\":\"1\",\"userSelected\":null}],\"text\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":null,\"c\\u006fding\":[]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":{\"code\":\"1\"}}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/1\",\"identifier\":{\"value\":\"x\",\"period\":{\"start\":\"2020\"}}}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":7}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1.50,\"_value\":{\"id\":\"v\"},\"comparator\":\"<\",\"unit\":\"ng/L\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1E400}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":{\"start\":\"2020-02\",\"end\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":{\"start\":\"last week\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"effectivePeriod\":[]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"2026-10-31T22:14:05.123+00:00\",\"profile\":[\"p\",null],\"tag\":[{\"code\":\"t\"}],\"security\":null}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"profile\":[1]}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"meta\":{\"lastUpdated\":\"today\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">\\u00e9</div>\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"text\":{\"div\":{}}}")]
    // Observation (whole-resource reader): every value[x], components, ranges, nulls, duplicates, wrong types, _x, unknowns, contained.
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"_status\":{\"extension\":[{\"url\":\"u\",\"valueString\":\"x\"}]},\"valueInteger\":7,\"issued\":\"2020-01-01T10:00:00Z\",\"effectiveInstant\":\"2020-01-01T10:00:00.5+01:00\",\"unknown\":{\"a\":[1,2]},\"note\":[{\"text\":\"n\",\"authorString\":\"a\",\"time\":\"2020\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueRange\":{\"low\":{\"value\":1},\"high\":{\"value\":2.50,\"unit\":\"g\"}},\"valueRatio\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":3}},\"valueTime\":\"10:00:00\",\"valuePeriod\":{\"start\":\"2020\"},\"valueDateTime\":\"2021-02\",\"valueBoolean\":false,\"valueString\":\"s\",\"valueCodeableConcept\":{\"text\":\"t\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"code\":{\"text\":\"a\"},\"valueQuantity\":{\"value\":1},\"interpretation\":[{\"text\":\"H\"}],\"referenceRange\":[{\"low\":{\"value\":0},\"appliesTo\":[{\"text\":\"x\"}],\"age\":{\"low\":{\"value\":18}},\"type\":{\"text\":\"normal\"}}]},null,{\"valueInteger\":3,\"dataAbsentReason\":{\"text\":\"d\"},\"valueRange\":{\"low\":{\"value\":1}},\"valueRatio\":{\"numerator\":{\"value\":1}},\"valueTime\":\"t\",\"valueDateTime\":\"2020\",\"valuePeriod\":{\"end\":\"2020\"},\"valueString\":\"v\",\"valueBoolean\":true,\"valueCodeableConcept\":{\"text\":\"c\"},\"_valueString\":{\"id\":\"e\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":\"final\",\"status\":\"amended\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1},\"valueQuantity\":{\"value\":2}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"unknown\":1,\"unknown\":2}")]
    [InlineData("{\"resourceType\":\"Observation\",\"resourceType\":\"Observation\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"st\\u0061tus\":\"final\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":null,\"category\":null,\"code\":null,\"valueInteger\":null,\"valueBoolean\":null,\"issued\":null,\"component\":null,\"contained\":null,\"extension\":null,\"meta\":null,\"text\":null,\"id\":null}")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":7}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":1.5}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":\"1\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueInteger\":3000000000}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueBoolean\":\"true\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"category\":{\"text\":\"x\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"category\":[{\"text\":\"x\"},7]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"code\":{\"text\":\"a\"},\"code\":{\"text\":\"b\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"component\":[{\"valueQuantity\":\"1\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"referenceRange\":[{\"low\":{\"value\":1},\"low\":{\"value\":2}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"referenceRange\":[{\"text\":5}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"s\",\"value\":\"v\",\"use\":\"official\",\"type\":{\"text\":\"MR\"},\"period\":{\"start\":\"2020\"}}],\"basedOn\":[{\"reference\":\"ServiceRequest/1\"}],\"performer\":[{\"reference\":\"Practitioner/1\"}],\"hasMember\":[{\"reference\":\"Observation/2\"}],\"derivedFrom\":[{\"reference\":\"Observation/3\"}],\"specimen\":{\"reference\":\"Specimen/1\"},\"bodySite\":{\"text\":\"arm\"},\"method\":{\"text\":\"m\"},\"encounter\":{\"reference\":\"Encounter/1\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"s\",\"system\":\"t\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"identifier\":[{\"period\":{\"start\":\"soon\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"implicitRules\":\"r\",\"language\":\"en\",\"modifierExtension\":[{\"url\":\"m\",\"valueBoolean\":true}],\"extension\":[{\"url\":\"a\",\"extension\":[{\"url\":\"b\",\"valueDecimal\":1.50},{\"url\":\"c\",\"valueInteger\":2},{\"url\":\"d\",\"valueCoding\":{\"code\":\"x\"}},{\"url\":\"e\",\"valueQuantity\":{\"value\":1}},{\"url\":\"f\",\"valueReference\":{\"reference\":\"Patient/1\"}},{\"url\":\"g\",\"valuePeriod\":{\"start\":\"2020\"}},{\"url\":\"h\",\"valueDateTime\":\"2020-01\"},{\"url\":\"i\",\"valueCode\":\"c\",\"valueUri\":\"u\",\"valueCanonical\":\"k\",\"valueCodeableConcept\":{\"text\":\"t\"}}]},null]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"url\":\"b\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"valueInteger\":1.5}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"extension\":[{\"url\":\"a\",\"valueDecimal\":\"1\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"F\",\"given\":[\"A\",null,\"B\"],\"prefix\":[\"Dr\"],\"suffix\":null,\"use\":\"official\",\"text\":\"t\",\"period\":{\"start\":\"2020\"}}]},null,{\"resourceType\":\"Medication\",\"code\":7},{\"resourceType\":\"Nope\"},{\"resourceType\":\"Basic\",\"id\":\"b\"}],\"status\":\"final\"}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Observation\",\"valueInteger\":\"x\"}]}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"contained\":{\"resourceType\":\"Patient\"}}")]
    [InlineData("{\"resourceType\":\"Observation\",\"note\":[{\"authorReference\":{\"reference\":\"Practitioner/1\"},\"authorReference\":{\"reference\":\"Practitioner/2\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueRatio\":{\"numerator\":1}}")]
    // Bundle (whole-resource reader): entries, nulls, search/request/response, nested resources' offsets.
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":2,\"link\":[{\"relation\":\"self\",\"url\":\"u\"}],\"entry\":[{\"fullUrl\":\"a\",\"link\":[{\"relation\":\"r\"}],\"search\":{\"mode\":\"match\",\"score\":0.50},\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"contained\":[{\"resourceType\":\"Patient\",\"active\":\"yes\"}]}},null,{\"resource\":null},{\"request\":{\"method\":\"PUT\",\"url\":\"Patient/1\",\"ifNoneMatch\":\"a\",\"ifModifiedSince\":\"b\",\"ifMatch\":\"c\",\"ifNoneExist\":\"d\"},\"response\":{\"status\":\"200\",\"location\":\"l\",\"etag\":\"e\",\"lastModified\":\"2020-01-01T00:00:00Z\",\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[]}}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"identifier\":{\"system\":\"s\",\"value\":\"v\"},\"timestamp\":\"2020-01-01T00:00:00Z\",\"implicitRules\":\"r\",\"language\":\"en\",\"meta\":{\"versionId\":\"1\"},\"text\":{\"div\":\"x\"},\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"valueInteger\":\"x\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"total\":\"2\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"total\":2.5}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"timestamp\":\"today\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":{\"resourceType\":\"Patient\"}}}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"a\",\"fullUrl\":\"b\"}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"search\":{\"score\":\"high\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"search\":{\"score\":1E400}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"response\":{\"outcome\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":7}]}}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\"}}],\"entry\":[]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":[]}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"self\",\"relation\":\"next\"}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}},{\"resource\":{\"resourceType\":\"Patient\",\"birthDate\":\"x\"}}]}}]}")]
    // Condition, Procedure, AllergyIntolerance, Patient (whole-resource readers).
    [InlineData("{\"resourceType\":\"Condition\",\"identifier\":[{\"value\":\"1\"}],\"clinicalStatus\":{\"text\":\"a\"},\"verificationStatus\":{\"text\":\"v\"},\"category\":[{\"text\":\"c\"}],\"severity\":{\"text\":\"s\"},\"code\":{\"text\":\"x\"},\"bodySite\":[{\"text\":\"b\"}],\"subject\":{\"reference\":\"Patient/1\"},\"encounter\":{\"reference\":\"Encounter/1\"},\"onsetDateTime\":\"2020\",\"onsetAge\":{\"value\":40},\"onsetPeriod\":{\"start\":\"2020\"},\"onsetRange\":{\"low\":{\"value\":1}},\"onsetString\":\"o\",\"abatementDateTime\":\"2021\",\"abatementAge\":{\"value\":41},\"abatementPeriod\":{\"end\":\"2021\"},\"abatementRange\":{\"high\":{\"value\":2}},\"abatementString\":\"a\",\"recordedDate\":\"2020-01-01\",\"recorder\":{\"reference\":\"Practitioner/1\"},\"asserter\":{\"reference\":\"Patient/1\"},\"note\":[{\"text\":\"n\"}],\"_recordedDate\":{\"id\":\"r\"}}")]
    [InlineData("{\"resourceType\":\"Condition\",\"onsetDateTime\":\"2020\",\"onsetDateTime\":\"2021\"}")]
    [InlineData("{\"resourceType\":\"Condition\",\"onsetAge\":{\"value\":\"forty\"}}")]
    [InlineData("{\"resourceType\":\"Condition\",\"bodySite\":{\"text\":\"b\"}}")]
    [InlineData("{\"resourceType\":\"Procedure\",\"identifier\":null,\"status\":\"completed\",\"statusReason\":{\"text\":\"r\"},\"category\":{\"text\":\"c\"},\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/1\"},\"encounter\":null,\"performedDateTime\":\"2020\",\"performedPeriod\":{\"start\":\"2020\"},\"performedString\":\"p\",\"performedAge\":{\"value\":1},\"performedRange\":{\"low\":{\"value\":1}},\"reasonCode\":[{\"text\":\"r\"}],\"reasonReference\":[{\"reference\":\"Condition/1\"}],\"bodySite\":[{\"text\":\"b\"}],\"outcome\":{\"text\":\"o\"},\"note\":[{\"text\":\"n\"},null]}")]
    [InlineData("{\"resourceType\":\"Procedure\",\"performedDateTime\":2020}")]
    [InlineData("{\"resourceType\":\"Procedure\",\"category\":[{\"text\":\"c\"}]}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"clinicalStatus\":{\"text\":\"a\"},\"type\":\"allergy\",\"category\":[\"food\",null,\"medication\"],\"criticality\":\"high\",\"code\":{\"text\":\"peanut\"},\"patient\":{\"reference\":\"Patient/1\"},\"onsetAge\":{\"value\":3},\"onsetString\":\"childhood\",\"lastOccurrence\":\"2020\",\"recordedDate\":\"2020\",\"reaction\":[{\"substance\":{\"text\":\"s\"},\"manifestation\":[{\"text\":\"hives\"}],\"description\":\"d\",\"onset\":\"2020\",\"severity\":\"mild\",\"exposureRoute\":{\"text\":\"oral\"},\"note\":[{\"text\":\"n\"}]},null]}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"category\":\"food\"}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"category\":[1]}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"reaction\":[{\"severity\":\"mild\",\"severity\":\"severe\"}]}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"reaction\":[{\"onset\":\"sometime\"}]}")]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"p\",\"identifier\":[{\"system\":\"s\",\"value\":\"v\"}],\"active\":true,\"name\":[{\"family\":\"F\"}],\"gender\":\"female\",\"birthDate\":\"1974-12-25\",\"deceasedBoolean\":false,\"deceasedDateTime\":\"2020\",\"managingOrganization\":{\"reference\":\"Organization/1\"},\"_birthDate\":{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/patient-birthTime\",\"valueDateTime\":\"1974-12-25T14:35:45-05:00\"}]}}")]
    [InlineData("{\"resourceType\":\"Patient\",\"active\":\"yes\"}")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"given\":\"A\"}]}")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"given\":[7]}]}")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"A\",\"family\":\"B\"}]}")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"A\"}],\"name\":[]}")]
    // MedicationRequest, MedicationStatement, MedicationAdministration, Medication (whole-resource readers), Dosage and Timing.
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"statusReason\":{\"text\":\"s\"},\"intent\":\"order\",\"category\":[{\"text\":\"c\"}],\"priority\":\"routine\",\"doNotPerform\":false,\"reportedBoolean\":true,\"reportedReference\":{\"reference\":\"Patient/1\"},\"medicationReference\":{\"reference\":\"#m\"},\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\",\"code\":{\"text\":\"cyanocobalamin\"},\"status\":\"active\",\"manufacturer\":{\"reference\":\"Organization/1\"},\"form\":{\"text\":\"f\"},\"amount\":{\"numerator\":{\"value\":1}},\"ingredient\":[{\"itemCodeableConcept\":{\"text\":\"i\"},\"itemReference\":{\"reference\":\"Substance/1\"},\"isActive\":true,\"strength\":{\"numerator\":{\"value\":1000,\"unit\":\"ug\"}}},null]}],\"subject\":{\"reference\":\"Patient/1\"},\"supportingInformation\":[{\"reference\":\"Observation/1\"}],\"authoredOn\":\"2020-01-01\",\"requester\":{\"reference\":\"Practitioner/1\"},\"reasonCode\":[{\"text\":\"r\"}],\"reasonReference\":[{\"reference\":\"Condition/1\"}],\"instantiatesCanonical\":[\"c\",null],\"basedOn\":[{\"reference\":\"CarePlan/1\"}],\"groupIdentifier\":{\"value\":\"g\"},\"courseOfTherapyType\":{\"text\":\"t\"},\"note\":[{\"text\":\"n\"}],\"priorPrescription\":{\"reference\":\"MedicationRequest/0\"},\"dispenseRequest\":{\"validityPeriod\":{\"start\":\"2020\"},\"numberOfRepeatsAllowed\":3,\"quantity\":{\"value\":10},\"expectedSupplyDuration\":{\"value\":30,\"unit\":\"d\"}}}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"sequence\":1,\"text\":\"t\",\"additionalInstruction\":[{\"text\":\"a\"}],\"patientInstruction\":\"p\",\"timing\":{\"event\":[\"2020-01-01\",\"2020-01-02T10:00:00Z\"],\"code\":{\"text\":\"BID\"},\"repeat\":{\"boundsDuration\":{\"value\":3},\"boundsRange\":{\"low\":{\"value\":1}},\"boundsPeriod\":{\"start\":\"2020\"},\"count\":1,\"countMax\":2,\"duration\":1.5,\"durationMax\":2.50,\"durationUnit\":\"h\",\"frequency\":2,\"frequencyMax\":3,\"period\":1,\"periodMax\":1.0,\"periodUnit\":\"d\",\"dayOfWeek\":[\"mon\",null],\"timeOfDay\":[\"08:00:00\"],\"when\":[\"MORN\"],\"offset\":30}},\"asNeededBoolean\":false,\"asNeededCodeableConcept\":{\"text\":\"pain\"},\"site\":{\"text\":\"arm\"},\"route\":{\"text\":\"IM\"},\"method\":{\"text\":\"inject\"},\"doseAndRate\":[{\"type\":{\"text\":\"ordered\"},\"doseRange\":{\"low\":{\"value\":1}},\"doseQuantity\":{\"value\":1000},\"rateRatio\":{\"numerator\":{\"value\":1}},\"rateRange\":{\"high\":{\"value\":2}},\"rateQuantity\":{\"value\":5}},null],\"maxDosePerPeriod\":{\"numerator\":{\"value\":1}},\"maxDosePerAdministration\":{\"value\":1},\"maxDosePerLifetime\":{\"value\":9}},null]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"event\":[null]}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"event\":[\"soon\"]}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"frequency\":1.5}}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"period\":\"1\"}}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"period\":1E400}}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"period\":1,\"period\":2}}}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"sequence\":\"1\"}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":1},\"doseQuantity\":{\"value\":2}}]}]}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dosageInstruction\":{\"text\":\"t\"}}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"dispenseRequest\":{\"numberOfRepeatsAllowed\":-1.5}}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"instantiatesCanonical\":\"c\"}")]
    [InlineData("{\"resourceType\":\"MedicationRequest\",\"contained\":[{\"resourceType\":\"Medication\",\"ingredient\":[{\"isActive\":\"yes\"}]}],\"status\":\"active\"}")]
    [InlineData("{\"resourceType\":\"MedicationStatement\",\"identifier\":[{\"value\":\"i\"}],\"basedOn\":[{\"reference\":\"MedicationRequest/1\"}],\"partOf\":[{\"reference\":\"Procedure/1\"}],\"status\":\"active\",\"statusReason\":[{\"text\":\"s\"}],\"category\":{\"text\":\"c\"},\"medicationCodeableConcept\":{\"text\":\"m\"},\"subject\":{\"reference\":\"Patient/1\"},\"context\":{\"reference\":\"Encounter/1\"},\"effectiveDateTime\":\"2020\",\"effectivePeriod\":{\"start\":\"2020\"},\"dateAsserted\":\"2020-02\",\"informationSource\":{\"reference\":\"Patient/1\"},\"derivedFrom\":[{\"reference\":\"Observation/1\"}],\"reasonCode\":[{\"text\":\"r\"}],\"reasonReference\":[{\"reference\":\"Condition/1\"}],\"note\":[{\"text\":\"n\"}],\"dosage\":[{\"text\":\"d\",\"asNeededBoolean\":true}]}")]
    [InlineData("{\"resourceType\":\"MedicationStatement\",\"dosage\":{\"text\":\"d\"}}")]
    [InlineData("{\"resourceType\":\"MedicationStatement\",\"dateAsserted\":\"2020-13\"}")]
    [InlineData("{\"resourceType\":\"MedicationAdministration\",\"identifier\":[{\"value\":\"i\"}],\"instantiates\":[\"u\"],\"partOf\":[{\"reference\":\"Procedure/1\"}],\"status\":\"completed\",\"statusReason\":[{\"text\":\"s\"}],\"category\":{\"text\":\"c\"},\"medicationCodeableConcept\":{\"text\":\"m\"},\"medicationReference\":{\"reference\":\"Medication/1\"},\"subject\":{\"reference\":\"Patient/1\"},\"context\":{\"reference\":\"Encounter/1\"},\"supportingInformation\":[{\"reference\":\"Observation/1\"}],\"effectiveDateTime\":\"2020\",\"effectivePeriod\":{\"end\":\"2020\"},\"reasonCode\":[{\"text\":\"r\"}],\"reasonReference\":[{\"reference\":\"Condition/1\"}],\"request\":{\"reference\":\"MedicationRequest/1\"},\"note\":[{\"text\":\"n\"}],\"dosage\":{\"text\":\"t\",\"site\":{\"text\":\"s\"},\"route\":{\"text\":\"r\"},\"method\":{\"text\":\"m\"},\"dose\":{\"value\":1000,\"unit\":\"ug\"},\"rateRatio\":{\"numerator\":{\"value\":1}},\"rateQuantity\":{\"value\":2}}}")]
    [InlineData("{\"resourceType\":\"MedicationAdministration\",\"dosage\":[{\"text\":\"t\"}]}")]
    [InlineData("{\"resourceType\":\"MedicationAdministration\",\"dosage\":{\"dose\":{\"value\":1},\"dose\":{\"value\":2}}}")]
    [InlineData("{\"resourceType\":\"MedicationAdministration\",\"instantiates\":[{\"url\":\"u\"}]}")]
    [InlineData("{\"resourceType\":\"Medication\",\"code\":{\"text\":\"c\"},\"amount\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":\"2\"}}}")]
    [InlineData("{\"resourceType\":\"Medication\",\"ingredient\":[{\"strength\":{\"numerator\":{\"value\":1}},\"strength\":null}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"MedicationRequest\",\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\"},{\"resourceType\":\"Patient\",\"birthDate\":\"x\"}],\"medicationReference\":{\"reference\":\"#m\"}}},{\"resource\":{\"resourceType\":\"Condition\",\"contained\":[{\"resourceType\":\"Observation\",\"valueInteger\":1}]}}]}")]
    // Well-known code systems (read as shared strings), escaped or not, and ones that only look like them.
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1\"},{\"system\":\"http:\\/\\/loinc.org\",\"code\":\"2\"},{\"system\":\"http://loinc.or\",\"code\":\"3\"},{\"system\":\"http://loinc.orgg\"},{\"system\":\"\"},{\"system\":null}]},\"valueQuantity\":{\"value\":1,\"system\":\"http://unitsofmeasure.org\"},\"identifier\":[{\"system\":\"http://snomed.info/sct\",\"value\":\"v\"}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":7}]}}")]
    [InlineData("{\"resourceType\":\"Bundle\",\n\"entry\":[{\"resource\":{\"resourceType\":\"Parameters\",\n\"parameter\":[{\"name\":\"a\",\"resource\":{\"resourceType\":\"Patient\",\n\"active\":\"yes\"}}]}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\n\"entry\":[{\"resource\":{\"resourceType\":\"Parameters\",\n\"parameter\":[{\"name\":\"a\",\"resource\":{\"resourceType\":\"Patient\",\n\"active\":true}}]}},{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e\"}}]}")]
    [InlineData("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"system\":[\"http://unitsofmeasure.org\"]}}")]
    public void Parse_MalformedOrInvalidInput_SameAsReferenceReading(string json)
    {
        // Act
        var singlePass = SinglePass.Parse(json);
        var reference = Reference.Parse(json);

        // Assert
        AssertSame(reference, singlePass);
        AssertHandWrittenReadersReadEveryValidResource(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void HandWrittenResourceReaders_EveryValidResourceInFile_ReadWithoutGivingUp(string path) =>
        AssertHandWrittenReadersReadEveryValidResource(File.ReadAllBytes(path));

    /// <summary>
    /// The equivalence tests cannot tell a fast path that gives up on a whole document (the serializer then reads it,
    /// with the same result) from one that reads it: this can. Every file the reference reading reads without an error
    /// is read by the fast path itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(Inputs))]
    public void FastPath_FileWithoutErrors_ReadWithoutGivingUp(string path)
    {
        // Arrange
        var bytes = File.ReadAllBytes(path);
        var reference = Reference.Parse(bytes);
        if (reference.Issues.Any(i => i.IsError))
        {
            // The serializer's reading explains the errors: the equivalence tests cover these.
            return;
        }

        var json = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

        // Act
        var read = DocumentReading.TryRead(json, out var resource);

        // Assert
        Assert.True(read, $"the fast path gave up on {Path.GetFileName(path)}");
        Assert.Equal(FhirJson.Serialize(reference.Resource!), FhirJson.Serialize(resource!));
    }

    /// <summary>
    /// Reads every resource in the JSON (the root, Bundle entries, contained ones) that a hand-written reader reads and
    /// the reference reading reads without error, with that reader itself. The equivalence tests cannot tell a reader
    /// that gives up (the reference reading then reads the resource, and the result is the same) from one that reads;
    /// this can.
    /// </summary>
    private static void AssertHandWrittenReadersReadEveryValidResource(byte[] json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (System.Text.Json.JsonException)
        {
            // Malformed, or with a duplicate property (no valid resource then): the equivalence tests cover it.
            return;
        }

        var resources = new List<JsonObject>();
        CollectResources(root, resources);
        foreach (var resource in resources)
        {
            var utf8 = Encoding.UTF8.GetBytes(resource.ToJsonString());
            var reference = Reference.Parse(utf8);
            if (resource["resourceType"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                || !ModelledResourceTypes.TryGet(resource["resourceType"]!.GetValue<string>(), out var type)
                || type.HandReader is null
                || reference.Issues.Any(i => i.IsError))
            {
                continue;
            }

            // The type's reader itself, which throws where it gives up.
            var reader = new FhirJsonReader(utf8);
            reader.Read();
            var read = type.HandReader(ref reader);

            Assert.Equal(FhirJson.Serialize(reference.Resource!), FhirJson.Serialize(read));
        }
    }

    private static void CollectResources(JsonNode? node, List<JsonObject> resources)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["resourceType"] is JsonValue)
                {
                    resources.Add(o);
                }

                foreach (var (_, child) in o)
                {
                    CollectResources(child, resources);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    CollectResources(child, resources);
                }

                break;
        }
    }

    public static TheoryData<string> HookRequests { get; } = new(
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cds-hooks"), "*.json").Order(StringComparer.Ordinal));

    /// <summary>What an EHR sends most: the prefetched resources and searchset Bundles of a CDS Hooks call, each read by the fast path itself.</summary>
    [Theory]
    [MemberData(nameof(HookRequests))]
    public void FastPath_PrefetchOfHookRequest_ReadWithoutGivingUp(string path)
    {
        // Arrange
        var prefetch = JsonNode.Parse(File.ReadAllBytes(path))!["prefetch"]?.AsObject() ?? [];
        Assert.NotEmpty(prefetch);

        foreach (var (key, value) in prefetch)
        {
            if (value is null)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(value.ToJsonString());

            // Act
            var read = DocumentReading.TryRead(bytes, out var resource);

            // Assert
            Assert.True(read, $"the fast path gave up on prefetch '{key}' of {Path.GetFileName(path)}");
            Assert.Equal(FhirJson.Serialize(Reference.Parse(bytes).Resource!), FhirJson.Serialize(resource!));
        }
    }

    /// <summary>The fast path reads plain decimals itself: each number must come out as the serializer's reading has it, scale and text alike.</summary>
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.0")]
    [InlineData("1.50")]
    [InlineData("-1.50")]
    [InlineData("0.000001")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("12345678901234567.8")]
    [InlineData("0.123456789012345678")]
    [InlineData("18446744073709551615")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e2")]
    [InlineData("1.5E-3")]
    [InlineData("1E400")]
    [InlineData("100")]
    [InlineData("250.0")]
    public void Parse_Decimal_SameAsReferenceReading(string number)
    {
        // Arrange
        var json = $"{{\"resourceType\":\"Observation\",\"valueQuantity\":{{\"value\":{number}}},\"referenceRange\":[{{\"low\":{{\"value\":{number}}}}}]}}";

        // Act
        var fast = SinglePass.Parse(json);
        var reference = Reference.Parse(json);

        // Assert
        AssertSame(reference, fast, number);
        var read = ((Observation)fast.Resource!).ValueQuantity!.Value!.Value;
        var expected = ((Observation)reference.Resource!).ValueQuantity!.Value!.Value;
        Assert.Equal(expected.ToString(), read.ToString());
        Assert.Equal(FhirJson.Serialize(reference.Resource!), FhirJson.Serialize(fast.Resource!));
    }

    [Theory]
    [InlineData("Observation", typeof(B12Cds.Fhir.Json.Resources.ObservationReader))]
    [InlineData("Bundle", typeof(B12Cds.Fhir.Json.Resources.BundleReader))]
    [InlineData("Condition", typeof(B12Cds.Fhir.Json.Resources.ConditionReader))]
    [InlineData("MedicationRequest", typeof(B12Cds.Fhir.Json.Resources.MedicationRequestReader))]
    [InlineData("Procedure", typeof(B12Cds.Fhir.Json.Resources.ProcedureReader))]
    [InlineData("AllergyIntolerance", typeof(B12Cds.Fhir.Json.Resources.AllergyIntoleranceReader))]
    [InlineData("MedicationAdministration", typeof(B12Cds.Fhir.Json.Resources.MedicationAdministrationReader))]
    [InlineData("MedicationStatement", typeof(B12Cds.Fhir.Json.Resources.MedicationStatementReader))]
    [InlineData("Patient", typeof(B12Cds.Fhir.Json.Resources.PatientReader))]
    [InlineData("Medication", typeof(B12Cds.Fhir.Json.Resources.MedicationReader))]
    public void FastPath_ResourceTypeItReads_HasItsHandWrittenReader(string resourceType, Type reader)
    {
        // Act
        Assert.True(ModelledResourceTypes.TryGet(resourceType, out var type));

        // Assert: the equivalence tests above compare the fast path with the reference reading, so it must really read these.
        Assert.NotNull(type.HandReader);
        Assert.Equal(reader, type.HandReader.Method.DeclaringType);
        Assert.Equal(type.Type, type.HandReader.Method.ReturnType);
    }

    private static void AssertSame(FhirParseResult expected, FhirParseResult actual, string? what = null)
    {
        Assert.True(
            expected.Issues.Select(i => i.ToString()).SequenceEqual(actual.Issues.Select(i => i.ToString())),
            $"{what}{Environment.NewLine}expected:{Environment.NewLine}{string.Join(Environment.NewLine, expected.Issues)}{Environment.NewLine}actual:{Environment.NewLine}{string.Join(Environment.NewLine, actual.Issues)}");
        Assert.Equal(expected.Resource is null, actual.Resource is null);
        if (expected.Resource is null)
        {
            return;
        }

        Assert.Equal(Shape(expected.Resource), Shape(actual.Resource!));
        Assert.Equal(FhirJson.Serialize(expected.Resource), FhirJson.Serialize(actual.Resource!));
    }

    /// <summary>Lists every resource in the tree with its CLR type and source offset, in document order.</summary>
    private static List<string> Shape(Resource resource)
    {
        var shape = new List<string>();
        Walk(resource, "$", shape);
        return shape;
    }

    private static void Walk(Resource resource, string path, List<string> shape)
    {
        shape.Add($"{path}: {resource.GetType().Name} {resource.ResourceType} @{resource.SourceOffset}");
        switch (resource)
        {
            case Bundle bundle:
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    WalkOptional(bundle.Entry[i].Resource, $"{path}.entry[{i}].resource", shape);
                    WalkOptional(bundle.Entry[i].Response?.Outcome, $"{path}.entry[{i}].response.outcome", shape);
                }

                break;
            case Parameters parameters:
                WalkParameters(parameters.Parameter, $"{path}.parameter", shape);
                break;
            case DomainResource domain:
                for (var i = 0; i < domain.Contained.Count; i++)
                {
                    Walk(domain.Contained[i], $"{path}.contained[{i}]", shape);
                }

                break;
        }
    }

    private static void WalkParameters(IReadOnlyList<ParametersParameter> parameters, string path, List<string> shape)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            WalkOptional(parameters[i].Resource, $"{path}[{i}].resource", shape);
            WalkParameters(parameters[i].Part, $"{path}[{i}].part", shape);
        }
    }

    private static void WalkOptional(Resource? resource, string path, List<string> shape)
    {
        if (resource is not null)
        {
            Walk(resource, path, shape);
        }
    }

    /// <summary>Damages one value somewhere in the tree; returns what was done, and whether to add a duplicate key too.</summary>
    private static (string What, bool Duplicate) Damage(JsonNode root, Random random)
    {
        var values = new List<JsonValue>();
        Collect(root, values);
        if (values.Count == 0)
        {
            return ("nothing", false);
        }

        var target = values[random.Next(values.Count)];
        var path = target.GetPath();
        var parent = target.Parent!;
        JsonNode replacement = random.Next(5) switch
        {
            0 => JsonValue.Create(12.5m),
            1 => JsonValue.Create("yesterday"),
            2 => new JsonArray(JsonValue.Create(true)),
            3 => new JsonObject { ["unexpected"] = 1 },
            _ => JsonValue.Create(false),
        };

        if (parent is JsonObject o)
        {
            o[target.GetPropertyName()] = replacement;
        }
        else if (parent is JsonArray a)
        {
            a[target.GetElementIndex()] = replacement;
        }

        return ($"{path} := {replacement.ToJsonString()}", random.Next(4) == 0);
    }

    private static void Collect(JsonNode? node, List<JsonValue> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, values);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, values);
                }

                break;
            case JsonValue v:
                values.Add(v);
                break;
        }
    }

    /// <summary>Repeats the last <c>"id"</c> property of the document in its object (a duplicate key), if there is one.</summary>
    private static string WithDuplicateKey(string json)
    {
        var at = json.LastIndexOf("\"id\":\"", StringComparison.Ordinal);
        return at < 0 ? json : json.Insert(at, "\"id\":\"dup\",");
    }

    private static int StableSeed(string text)
    {
        var seed = 17;
        foreach (var c in text)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }

    [Fact]
    public void KnownSystems_EveryUri_IsFoundAsItselfAndNothingElseIs()
    {
        // Arrange
        string[] uris = ["http://loinc.org", "http://unitsofmeasure.org", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "urn:ietf:bcp:47"];

        // Act and assert
        foreach (var uri in uris)
        {
            Assert.Equal(uri, B12Cds.Fhir.Json.Datatypes.KnownSystems.Find(Encoding.UTF8.GetBytes(uri)));
            Assert.Null(B12Cds.Fhir.Json.Datatypes.KnownSystems.Find(Encoding.UTF8.GetBytes(uri[..^1])));
            Assert.Null(B12Cds.Fhir.Json.Datatypes.KnownSystems.Find(Encoding.UTF8.GetBytes(uri + "x")));
        }

        Assert.Null(B12Cds.Fhir.Json.Datatypes.KnownSystems.Find([]));
    }

    [Fact]
    public void ResourceElements_Counts_MatchTheirNames()
    {
        // Resource readers find their own elements after these by count.
        Assert.Equal(B12Cds.Fhir.Json.Resources.ResourceElements.ResourceCount, B12Cds.Fhir.Json.Resources.ResourceElements.ResourceNames.Count);
        Assert.Equal(B12Cds.Fhir.Json.Resources.ResourceElements.DomainResourceCount, B12Cds.Fhir.Json.Resources.ResourceElements.DomainResourceNames.Count);
    }
}
