namespace Archon.Offline.Simulation;

/// <summary>How the simulator represents an item's answer (Choice: an option letter; Text: a short free-form answer).</summary>
public enum SimAnswerKind { None, Number, Latex, Code, Choice, Text }
