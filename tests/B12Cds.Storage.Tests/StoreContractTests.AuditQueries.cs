namespace B12Cds.Storage.Tests;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task QueryAudit_ByPatientAndRange_NewestFirstFromInclusiveToExclusive()
    {
        // Arrange: p1 at -3h, -2h, -1h and now; p2 at -2h.
        var p1 = Enumerable.Range(0, 4).Select(i => Audit(Now.AddHours(i - 3))).ToList();
        await Store.AppendAuditAsync([.. p1, Audit(Now.AddHours(-2), patient: "p2"), Audit(Now.AddHours(-2), patient: null)]);

        // Act
        var result = await Store.QueryAuditAsync(new AuditQuery { PatientId = "p1", From = Now.AddHours(-2), To = Now });

        // Assert
        Assert.Equal([p1[2].Id, p1[1].Id], result.Select(a => a.Id));
    }

    [StoreFact]
    public async Task QueryAudit_NoFilter_AllNewestFirst()
    {
        var records = Enumerable.Range(0, 5).Select(i => Audit(Now.AddMinutes(i), patient: i % 2 == 0 ? "p1" : null)).ToList();
        await Store.AppendAuditAsync(records);

        var result = await Store.QueryAuditAsync(new AuditQuery());

        Assert.Equal(records.Select(r => r.Id).Reverse(), result.Select(a => a.Id));
    }

    [StoreFact]
    public async Task QueryAudit_FromOnlyAndToOnly_Filter()
    {
        var records = Enumerable.Range(0, 4).Select(i => Audit(Now.AddDays(i))).ToList();
        await Store.AppendAuditAsync(records);

        var from = await Store.QueryAuditAsync(new AuditQuery { From = Now.AddDays(2) });
        var to = await Store.QueryAuditAsync(new AuditQuery { To = Now.AddDays(1).AddTicks(10) });

        Assert.Equal([records[3].Id, records[2].Id], from.Select(a => a.Id));
        Assert.Equal([records[1].Id, records[0].Id], to.Select(a => a.Id));
    }

    [StoreFact]
    public async Task QueryAudit_Limit_ReturnsTheNewest()
    {
        var records = Enumerable.Range(0, 10).Select(i => Audit(Now.AddSeconds(i))).ToList();
        await Store.AppendAuditAsync(records);

        var result = await Store.QueryAuditAsync(new AuditQuery { Limit = 3 });

        Assert.Equal(records.TakeLast(3).Select(r => r.Id).Reverse(), result.Select(a => a.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryAuditAsync(new AuditQuery { Limit = 0 }));
    }
}
