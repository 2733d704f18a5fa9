using B12Cds.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddB12CdsService();

var app = builder.Build();
app.MapB12CdsService();
app.Run();

/// <summary>The service's entry point (public so integration tests can start the real host).</summary>
public partial class Program;
