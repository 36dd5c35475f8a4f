using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class DateFilterTests
{
    [Theory]
    [InlineData("{{ inputs.date | date('yyyy-MM-dd') }}", "2024-03-15")]
    [InlineData("{{ inputs.date | date('HH:mm:ss') }}", "10:30:00")]
    [InlineData("{{ inputs.date | date('yyyyMMdd') }}", "20240315")]
    [InlineData("{{ inputs.date | date('dd/MM/yy') }}", "15/03/24")]
    [InlineData("{{ inputs.date | date(\"yyyy-MM-dd'T'HH:mm:ssX\") }}", "2024-03-15T10:30:00Z")]
    [InlineData("{{ inputs.date | date(\"yyyy-MM-dd'T'HH:mm:ss.SSSXXX\") }}", "2024-03-15T10:30:00.000Z")]
    [InlineData("{{ inputs.date | date('EEE, d MMM yyyy') }}", "Fri, 15 Mar 2024")]
    [InlineData("{{ inputs.date | date('EEEE MMMM') }}", "Friday March")]
    [InlineData("{{ inputs.date | date('h:mm a') }}", "10:30 AM")]
    [InlineData("{{ inputs.date | date('D') }}", "75")]
    [InlineData("{{ inputs.date | date('Z') }}", "+0000")]
    [InlineData("{{ inputs.date | date(\"'at' HH'h'\") }}", "at 10h")]
    [InlineData("{{ inputs.date | date(\"HH''mm\") }}", "10'30")]
    [InlineData("{{ inputs.date | date('HH:mm XXX', timeZone='Europe/Paris') }}", "11:30 +01:00")]
    [InlineData("{{ inputs.date | date('HH:mm', timeZone='America/New_York') }}", "06:30")]
    [InlineData("{{ '2024-03-15T10:30:00+02:00' | date('HH:mm') }}", "08:30")]
    [InlineData("{{ '2024-03-15' | date('dd.MM.yyyy') }}", "15.03.2024")]
    [InlineData("{{ '15/03/2024' | date('yyyy-MM-dd', existingFormat='dd/MM/yyyy') }}", "2024-03-15")]
    [InlineData("{{ 1710498600 | date('yyyy-MM-dd HH:mm') }}", "2024-03-15 10:30")]
    [InlineData("{{ inputs.date | date('iso') }}", "2024-03-15T10:30:00.000000Z")]
    [InlineData("{{ inputs.date | date('iso_sec') }}", "2024-03-15T10:30:00Z")]
    [InlineData("{{ inputs.date | date('sql') }}", "2024-03-15 10:30:00.000000")]
    [InlineData("{{ inputs.date | date('iso_date') }}", "2024-03-15")]
    [InlineData("{{ inputs.date | date }}", "2024-03-15T10:30:00.000000Z")]
    [InlineData("{{ now() | date('yyyy-MM-dd HH:mm') }}", "2024-03-15 10:30")]
    [InlineData("{{ now() }}", "2024-03-15T10:30:00Z")]
    public void Render_FormatsDatesWithJavaPatterns(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ inputs.date | dateAdd(-1, 'DAYS') | date('yyyy-MM-dd') }}", "2024-03-14")]
    [InlineData("{{ inputs.date | dateAdd(2, 'HOURS') | date('HH:mm') }}", "12:30")]
    [InlineData("{{ inputs.date | dateAdd(1, 'MONTHS') | date('yyyy-MM-dd') }}", "2024-04-15")]
    [InlineData("{{ inputs.date | dateAdd(1, 'YEARS') | date('yyyy') }}", "2025")]
    [InlineData("{{ inputs.date | dateAdd(30, 'MINUTES') | date('HH:mm') }}", "11:00")]
    [InlineData("{{ inputs.date | dateAdd(1, 'WEEKS') | date('dd') }}", "22")]
    [InlineData("{{ inputs.date | dateAdd(-1, 'DAYS') }}", "2024-03-14T10:30:00Z")]
    [InlineData("{{ now() | dateAdd(-1, 'DAYS', 'yyyy-MM-dd') }}", "2024-03-14")]
    [InlineData("{{ inputs.date | timestamp }}", "1710498600")]
    [InlineData("{{ inputs.date | timestampMilli }}", "1710498600000")]
    [InlineData("{{ inputs.date | timestampMicro }}", "1710498600000000")]
    [InlineData("{{ inputs.date | timestampNano }}", "1710498600000000000")]
    public void Render_ShiftsAndConvertsDates(string template, string expected) =>
        Assert.Equal(expected, Render(template));
}
