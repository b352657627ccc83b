namespace Archon.Offline.Simulation;

/// <summary>How the simulator represents an item's answer.</summary>
public enum SimAnswerKind { None, Number, Latex, Code }
