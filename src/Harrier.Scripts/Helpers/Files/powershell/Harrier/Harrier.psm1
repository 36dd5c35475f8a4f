# Harrier's helper for PowerShell scripts (on PSModulePath, so its functions load on first use):
# prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
#
#   Write-HarrierOutputs @{ rows = 42 }
#   Write-HarrierCounter -Name processed -Value 42 -Tags @{ source = 's3' }
#   Write-HarrierTimer -Name load -ScriptBlock { Start-Sleep 1 }

function Send-HarrierMessage([System.Collections.IDictionary] $Message) {
    # Console.Out bypasses the pipeline: the line is printed even inside functions whose output is captured.
    $json = ConvertTo-Json -InputObject $Message -Compress -Depth 64
    [Console]::Out.WriteLine("::$json::")
    [Console]::Out.Flush()
}

function Write-HarrierOutputs {
    param([Parameter(Mandatory, Position = 0)][System.Collections.IDictionary] $Outputs)
    Send-HarrierMessage ([ordered]@{ outputs = $Outputs })
}

function Send-HarrierMetric([string] $Name, [string] $Type, $Value, [System.Collections.IDictionary] $Tags) {
    if ($null -eq $Tags) { $Tags = @{} }
    Send-HarrierMessage ([ordered]@{ metrics = @([ordered]@{ name = $Name; type = $Type; value = $Value; tags = $Tags }) })
}

function Write-HarrierCounter {
    param([Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][double] $Value, [System.Collections.IDictionary] $Tags)
    Send-HarrierMetric $Name 'counter' $Value $Tags
}

function Write-HarrierGauge {
    param([Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][double] $Value, [System.Collections.IDictionary] $Tags)
    Send-HarrierMetric $Name 'gauge' $Value $Tags
}

# -Seconds, or -ScriptBlock whose real elapsed time is recorded (its output is passed on).
function Write-HarrierTimer {
    param(
        [Parameter(Mandatory)][string] $Name,
        [Parameter(ParameterSetName = 'Seconds', Mandatory)][double] $Seconds,
        [Parameter(ParameterSetName = 'Block', Mandatory)][scriptblock] $ScriptBlock,
        [System.Collections.IDictionary] $Tags)
    if ($PSCmdlet.ParameterSetName -eq 'Block') {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $ScriptBlock
        $Seconds = $watch.Elapsed.TotalSeconds
    }
    Send-HarrierMetric $Name 'timer' $Seconds $Tags
}

function Write-HarrierLog {
    param(
        [Parameter(Mandatory)][ValidateSet('TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR')][string] $Level,
        [Parameter(Mandatory)][string] $Message)
    Send-HarrierMessage ([ordered]@{ logs = @([ordered]@{ level = $Level.ToUpperInvariant(); message = $Message }) })
}

Export-ModuleMember -Function Write-HarrierOutputs, Write-HarrierCounter, Write-HarrierGauge, Write-HarrierTimer, Write-HarrierLog
