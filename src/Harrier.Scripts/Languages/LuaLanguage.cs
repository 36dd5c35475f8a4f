namespace Harrier.Scripts.Languages;

/// <summary>Lua: a Script task runs <c>lua &lt;file&gt;.lua</c>.</summary>
public sealed class LuaLanguage : ScriptLanguage
{
    public override string Name => "lua";

    public override string? ScriptFileExtension => ".lua";

    public override string DefaultContainerImage => "nickblah/lua";

    protected override string RunTool => "lua";
}
