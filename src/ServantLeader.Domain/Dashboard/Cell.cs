namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// One figure's value and how many distinct people it was computed from (HR sees it only from 3 on). A count keeps its
/// total in <see cref="Numerator"/>; a share or a mean keeps both of its terms, so whole weeks can be added up
/// (<see cref="WholeWeeks"/>).
/// </summary>
public readonly record struct Cell(double? Value, int People, double Numerator = 0, double Denominator = 0);
