namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// One figure's value and how many distinct people it was computed from (HR sees it only from 3 on). A count keeps its
/// total in <see cref="Numerator"/>; a share or a mean keeps both of its terms, so whole weeks can be added up
/// (<see cref="WholeWeeks"/>). A count keeps in <see cref="Denominator"/> the number of things it rests on (the entries
/// behind the hours, say; the count itself otherwise), a percentile the number of durations ranked: that is the count
/// the figure shows (<see cref="Figure.Count"/>). A mean whose noise matters (the pulse) also keeps the sum of the
/// squares of its values, so its standard error can be worked out (<see cref="FigureUncertainty"/>).
/// </summary>
public readonly record struct Cell(double? Value, int People, double Numerator = 0, double Denominator = 0, double SumOfSquares = 0);
