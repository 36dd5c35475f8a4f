namespace Harrier.Server.Api.Executions;

/// <summary>One refused item, the fields of Kestra's ManualConstraintViolation a client reads.</summary>
public sealed record ApiBulkInvalid(string Message, string InvalidValue)
{
    public string PropertyPath => "execution";
}
