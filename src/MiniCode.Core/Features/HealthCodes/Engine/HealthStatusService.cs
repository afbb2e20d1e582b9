using MiniCode.Data;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.People;

namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>
/// Loads a person's facts, runs the <see cref="ColorEngine"/>, stores the status and records every colour change in
/// the history with its cause and actor, queueing a notice to the citizen. The only writer of <see cref="HealthStatus"/>.
/// Changes are added to the caller's unit of work; the caller saves and then flushes the <see cref="NoticeDispatcher"/>.
/// </summary>
public sealed class HealthStatusService(MiniCodeDbContext db, ColorEngine engine, IOptions<ColorRulesOptions> rules, TimeProvider time, BusinessCalendar calendar, NoticeDispatcher notices)
{
    public async Task<HealthStatus> RecomputeAsync(long personId, string cause, string actor, CancellationToken ct) =>
        (await RecomputeManyAsync([personId], cause, actor, ct))[0];

    /// <summary>
    /// <see cref="RecomputeAsync"/> for several persons at once (an import's): their facts are read with one query per
    /// kind for all of them, each is then decided and recorded as alone. Returns their statuses in the same order.
    /// </summary>
    public async Task<IReadOnlyList<HealthStatus>> RecomputeManyAsync(IReadOnlyList<long> personIds, string cause, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var inputs = await LoadInputsAsync(personIds, now, ct);
        var stored = await db.Set<HealthStatus>().Where(s => personIds.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);
        return personIds.Select(id => Record(id, engine.Evaluate(inputs[id], now), inputs[id], stored.GetValueOrDefault(id), cause, actor, now)).ToList();
    }

    private HealthStatus Record(long personId, ColorDecision decision, ColorInputs inputs, HealthStatus? status, string cause, string actor, DateTimeOffset now)
    {
        var old = status?.Color;
        if (status is null)
        {
            status = new HealthStatus { PersonId = personId };
            db.Add(status);
        }
        var codes = string.Join(',', decision.Reasons.Select(r => r.Code));
        status.Color = decision.Color;
        status.ReasonCodes = codes;
        status.ReasonTexts = string.Join('；', decision.Reasons.Select(r => r.Text));
        status.ComputedAt = now;
        status.ReviewAt = decision.ReviewAt;
        status.LatestNegativeSampleAt = ColorEngine.LatestNegative(inputs.NucleicAcid, now);
        status.Vaccination = engine.VaccinationOf(inputs.Vaccinations);
        if (old != decision.Color)
        {
            // A worse colour revokes every code issued before now (live codes and offline cards).
            if (old is { } previous && decision.Color > previous) status.RevokedBefore = now;
            db.Add(new ColorChange
            {
                PersonId = personId, OldColor = old, NewColor = decision.Color, Cause = cause, Actor = actor, ReasonCodes = codes, At = now,
                TemperatureCelsius = decision.Temperature?.Celsius, TemperatureSource = decision.Temperature?.Source,
                TemperatureMeasuredAt = decision.Temperature?.MeasuredAt,
            });
            if (old is not null)
                notices.Enqueue(new NoticeMessage(personId, NoticeDispatcher.ColorChangedKind, "健康码颜色变更",
                    $"您的健康码已由{ColorNames.Chinese(old.Value)}变为{ColorNames.Chinese(decision.Color)}：{status.ReasonTexts}。{decision.Guidance}", now,
                    $"您的健康码已由{ColorNames.Chinese(old.Value)}变为{ColorNames.Chinese(decision.Color)}。{decision.Guidance}"));
        }
        return status;
    }

    /// <summary>The status to show: recomputed first (a rare write) when time alone may have changed it, or when there is none yet.</summary>
    public async Task<HealthStatus> CurrentAsync(long personId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var status = await db.Set<HealthStatus>().AsNoTracking().FirstOrDefaultAsync(s => s.PersonId == personId, ct);
        if (status is not null && (status.ReviewAt is null || status.ReviewAt > now)) return status;
        status = await RecomputeAsync(personId, "time", "system:recompute", ct);
        await db.SaveChangesAsync(ct);
        await notices.FlushAsync(ct);
        return status;
    }

    /// <summary>
    /// Run by <c>recompute-due-colours</c>: every status whose time-based change is due (a quarantine or risk-list entry
    /// ended, a temperature-yellow window passed, an override expired) is recomputed now rather than on the next read, so
    /// the history and the notice are written when the change happens. One unit of work per person.
    /// </summary>
    public async Task<int> RecomputeDueAsync(DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        var due = await db.Set<HealthStatus>().AsNoTracking().Where(s => s.ReviewAt != null && s.ReviewAt <= now)
            .OrderBy(s => s.ReviewAt).Select(s => s.PersonId).Take(batchSize).ToListAsync(ct);
        foreach (var personId in due)
        {
            await RecomputeAsync(personId, "time", "system:recompute-due-colours", ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await notices.FlushAsync(ct);
        }
        return due.Count;
    }

    public async Task<ColorInputs> LoadInputsAsync(long personId, DateTimeOffset now, CancellationToken ct) =>
        (await LoadInputsAsync([personId], now, ct))[personId];

    /// <summary>The facts of each person (who must exist), one query per kind of fact for all of them.</summary>
    public async Task<IReadOnlyDictionary<long, ColorInputs>> LoadInputsAsync(IReadOnlyCollection<long> personIds, DateTimeOffset now, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var persons = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DocumentIndex, p.RegionCode }).ToListAsync(ct);
        if (persons.Count < ids.Count) throw new InvalidOperationException("No such person: " + ids.Except(persons.Select(p => p.Id)).First());
        var indexes = persons.Select(p => p.DocumentIndex).ToList();
        var today = calendar.DayOf(now);

        var declarations = await db.Set<HealthDeclaration>().AsNoTracking().Where(d => ids.Contains(d.PersonId)).ToDictionaryAsync(d => d.PersonId, ct);
        // The latest reading; of two taken at the same instant, the one recorded last.
        var temperatures = await db.Set<TemperatureReading>().AsNoTracking().Where(t => ids.Contains(t.PersonId))
            .GroupBy(t => t.PersonId).Select(g => g.OrderByDescending(t => t.MeasuredAt).ThenByDescending(t => t.Id).First()).ToDictionaryAsync(t => t.PersonId, ct);
        var risks = (await db.Set<RiskListEntry>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct)).ToLookup(r => r.DocumentIndex);
        var regions = await db.Set<HighRiskRegion>().AsNoTracking().Where(r => r.EndsOn == null || r.EndsOn >= today).ToListAsync(ct);
        var nucleic = (await db.Set<NucleicAcidResult>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct)).ToLookup(r => r.DocumentIndex);
        var vaccinations = (await db.Set<VaccinationRecord>().AsNoTracking().Where(r => indexes.Contains(r.DocumentIndex)).ToListAsync(ct)).ToLookup(r => r.DocumentIndex);
        var overrides = (await db.Set<ColorOverride>().AsNoTracking()
            .Where(o => ids.Contains(o.PersonId) && o.Status == OverrideStatus.Approved).ToListAsync(ct)).ToLookup(o => o.PersonId);

        var regionFacts = regions.Select(r => new RegionFact(r.RegionCode, r.StartsOn, r.EndsOn)).ToList();
        return persons.ToDictionary(p => p.Id, p =>
        {
            var declaration = declarations.GetValueOrDefault(p.Id);
            var temperature = temperatures.GetValueOrDefault(p.Id);
            var activeOverride = overrides[p.Id].Where(o => o.EndsAt == null || o.EndsAt > now).OrderByDescending(o => o.DecidedAt).FirstOrDefault();
            return new ColorInputs(
                p.RegionCode,
                declaration is null ? null : new DeclarationFacts(declaration.SymptomList(), declaration.Temperature, declaration.RegionCode, declaration.ChangedAt, declaration.RegionSince),
                temperature is null ? null : new TemperatureFact(temperature.Celsius, temperature.MeasuredAt),
                risks[p.DocumentIndex].Select(r => new RiskFact(r.Kind, r.StartsOn, r.EndsOn)).ToList(),
                regionFacts,
                nucleic[p.DocumentIndex].Select(r => new NucleicAcidFact(r.SampledAt, r.Negative)).ToList(),
                vaccinations[p.DocumentIndex].Select(v => new VaccinationFact(v.Dose, v.VaccinatedOn, v.CompletesSeries)).ToList(),
                activeOverride is null ? null : new OverrideFact(activeOverride.Color, activeOverride.ReasonCode,
                    rules.Value.OverrideReasons.GetValueOrDefault(activeOverride.ReasonCode, activeOverride.ReasonCode), activeOverride.EndsAt));
        });
    }
}

public static class ColorNames
{
    public static string Chinese(HealthColor color) => color switch
    {
        HealthColor.Red => "红码",
        HealthColor.Orange => "橙码",
        HealthColor.Yellow => "黄码",
        _ => "绿码",
    };
}

/// <summary>
/// Entry point for other features whose data feeds the colour: checkpoints record on-site temperatures here, and the
/// colour is recomputed in the same unit of work. When the caller has a transaction open (a checkpoint saving its scan
/// record with the colour it produced), the reading joins it and the caller commits and flushes the notices.
/// </summary>
public sealed class HealthFactsRecorder(MiniCodeDbContext db, HealthStatusService statuses, NoticeDispatcher notices, TimeProvider time)
{
    public async Task<HealthStatus> RecordTemperatureAsync(long personId, decimal celsius, string source, CancellationToken ct)
    {
        var owned = db.Database.CurrentTransaction is null;
        await using var tx = owned ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Add(new TemperatureReading { PersonId = personId, Celsius = celsius, MeasuredAt = time.GetUtcNow(), Source = source });
        await db.SaveChangesAsync(ct);
        var status = await statuses.RecomputeAsync(personId, "checkpoint.temperature", source, ct);
        await db.SaveChangesAsync(ct);
        if (!owned) return status;
        await tx!.CommitAsync(ct);
        await notices.FlushAsync(ct);
        return status;
    }
}
