namespace Archon.Core.Components;

/// <summary>
/// The entry point of a component plugin assembly: a public class with a parameterless constructor that registers
/// its component types. The CLI loads such assemblies (<c>--components</c>, or every *.dll of the folder named by
/// <c>ARCHON_COMPONENTS_DIR</c>); hosts call <c>AddArchonComponents</c> with the same assemblies or modules.
/// </summary>
public interface IComponentModule
{
    void Register(ComponentRegistry registry);
}
