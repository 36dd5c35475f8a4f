@{
    RootModule        = 'Harrier.psm1'
    ModuleVersion     = '0.1.0'
    GUID              = '5d0c7f8e-2b1a-4c55-9a51-6f1f2c3e4a10'
    Author            = 'The Harrier authors'
    Description       = 'Prints Harrier/Kestra ::{...}:: protocol lines: outputs, metrics, logs.'
    PowerShellVersion = '7.0'
    FunctionsToExport = @('Write-HarrierOutputs', 'Write-HarrierCounter', 'Write-HarrierGauge', 'Write-HarrierTimer', 'Write-HarrierLog')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
