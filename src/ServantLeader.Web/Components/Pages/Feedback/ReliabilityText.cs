using System.Globalization;
using ServantLeader.Domain.Feedback;

namespace ServantLeader.Web.Components.Pages.Feedback;

/// <summary>How the results pages write a reliability: alpha with two decimals, or why it is not judged.</summary>
internal static class ReliabilityText
{
    public const string TooFew = "too few answers to judge reliability";

    public static string Of(Reliability reliability) => reliability.Note switch
    {
        ReliabilityNote.Shown => reliability.Alpha!.Value.ToString("0.00", CultureInfo.InvariantCulture),
        ReliabilityNote.TooFewStatements => "one statement: no consistency to judge",
        ReliabilityNote.NoSpread => "no spread in the answers to judge reliability",
        _ => TooFew,
    };

    /// <summary>What alpha means and when it appears; the same words on the leader's and HR's pages.</summary>
    public static string Explained { get; } =
        $"Consistency is Cronbach's alpha: how far a dimension's statements agree with each other across the answers (1 at most; " +
        $"0.7 or more is usually read as consistent, lower means read that score with care). It is judged from {CronbachAlpha.MinimumAnswers} answers " +
        $"and {CronbachAlpha.MinimumStatements} statements in the dimension; the index's consistency reads all the instrument's statements as one scale, " +
        "which is the only one a pulse with one statement per dimension has.";
}
