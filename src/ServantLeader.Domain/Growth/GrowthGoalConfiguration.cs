using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

internal sealed class GrowthGoalConfiguration : IEntityTypeConfiguration<GrowthGoal>
{
    public void Configure(EntityTypeBuilder<GrowthGoal> builder)
    {
        builder.ToTable("GrowthGoals");
        builder.Property(g => g.What).HasMaxLength(TextRules.StorageLength(GrowthGoal.WhatLength)).IsRequired();
        builder.Property(g => g.Why).HasMaxLength(TextRules.StorageLength(GrowthGoal.WhyLength)).IsRequired();
        builder.Property(g => g.Evidence).HasMaxLength(TextRules.StorageLength(GrowthGoal.EvidenceLength)).IsRequired();
        builder.Property(g => g.Learned).HasMaxLength(TextRules.StorageLength(GrowthGoal.LearnedLength)).IsRequired();
        builder.Property(g => g.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Person).WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(g => g.PublicTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.PersonId, g.State });
        // Figures count goals achieved and set aside by week.
        builder.HasIndex(g => new { g.AchievedAt, g.PersonId }).HasFilter("\"AchievedAt\" IS NOT NULL");
        builder.HasIndex(g => new { g.SetAsideAt, g.PersonId }).HasFilter("\"SetAsideAt\" IS NOT NULL");
        builder.HasIndex(g => new { g.PublicTeamId, g.MadePublicAt }).HasFilter("\"MadePublicAt\" IS NOT NULL");
    }
}
