package io.mlmon.monitor;

import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.config.ModelConfig;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.WindowSample;
import io.mlmon.ingest.EventPreparer;
import io.mlmon.ingest.EventSink;
import io.mlmon.ingest.ParsedEvent;
import io.mlmon.quality.ExpectedOutcomes;
import io.mlmon.quality.JoinResult;
import io.mlmon.quality.Outcome;
import io.mlmon.quality.PendingPrediction;
import io.mlmon.quality.PendingPredictions;
import io.mlmon.state.CheckpointFile;
import io.mlmon.state.PendingTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Turns events into the per-model state behind the metrics: traffic, decisions, errors, latency,
 * label joins and outcomes. Owned by the ingest thread; others read the immutable {@link
 * MonitorSnapshot} it makes.
 */
public final class Monitor implements EventSink {
  static final String UNKNOWN_VERSION = "unknown";

  private final Limits limits;
  private final CappedNames modelNames;
  private final List<ModelState> models = new ArrayList<>();
  private final Map<String, ModelConfig> configured;
  private final PendingPredictions pending;
  private final long[] limited = new long[LimitKind.values().length];
  private final Map<String, ReferenceProfile> references;
  private final int windowMaxSamples;
  private final long windowMaxAgeMillis;
  private final TimeMode timeMode;
  private final LongSupplier wallClockMillis;
  private long newestEventMillis = Long.MIN_VALUE;

  /**
   * The model of the last event and its index: a parser hands the same String for the same name,
   * and a log usually holds one model, so most events skip the name lookup.
   */
  private String lastModel;

  private int lastModelIndex;

  /** Join keys of events that came without one (parsed on this thread). */
  private final JoinKeys joinKeys = new JoinKeys();

  /** The join keys of the batch ahead, gathered by {@link #prefetch}. */
  private long[] prefetchKeys = new long[1024];

  private boolean[] prefetchAdds = new boolean[1024];
  private int prefetchCount;

  /** Which clock ages windows and pending labels. */
  public enum TimeMode {
    /** The wall clock: for {@code run}, where events arrive as they happen. */
    WALL_CLOCK,
    /** The newest event time read: for {@code replay} of old logs. */
    EVENT_TIME
  }

  /** What the monitor needs from the config, and the loaded reference profiles by model. */
  public record Settings(
      List<ModelConfig> models,
      Map<String, ReferenceProfile> references,
      Limits limits,
      LabelsConfig labels,
      int windowMaxSamples,
      long windowMaxAgeMillis) {
    public Settings {
      models = List.copyOf(models);
      references = Map.copyOf(references);
    }

    /** Settings without references or drift (traffic and outcomes only). */
    public static Settings of(List<ModelConfig> models, Limits limits, LabelsConfig labels) {
      return new Settings(models, Map.of(), limits, labels, 10_000, 3_600_000);
    }
  }

  public Monitor(Settings settings, TimeMode timeMode, LongSupplier wallClockMillis) {
    this.limits = settings.limits();
    this.references = settings.references();
    this.windowMaxSamples = settings.windowMaxSamples();
    this.windowMaxAgeMillis = settings.windowMaxAgeMillis();
    this.timeMode = timeMode;
    this.wallClockMillis = wallClockMillis;
    this.modelNames = new CappedNames(limits.maxModels());
    this.configured = new HashMap<>();
    this.pending =
        new PendingPredictions(
            settings.labels().maxPending(),
            settings.labels().ttl().toMillis(),
            (model, reason) -> models.get(model).expired[reason.ordinal()]++);
    for (ModelConfig mc : settings.models()) {
      configured.put(mc.name(), mc);
      stateOf(modelNames.reserve(mc.name()));
    }
  }

  @Override
  public void accept(ParsedEvent event, long readTimeMillis) {
    String name = event.model();
    if (name != lastModel) {
      lastModelIndex = modelNames.indexOf(name);
      lastModel = name;
    }
    int index = lastModelIndex;
    if (modelNames.isOther(index)) {
      limited[LimitKind.MODEL.ordinal()]++;
    }
    ModelState model = stateOf(index);
    limited[LimitKind.FEATURE.ordinal()] += event.features().dropped();
    long time = event.hasTime() ? event.timeMillis() : readTimeMillis;
    if (time > model.lastEventMillis) {
      model.lastEventMillis = time;
    }
    if (time > newestEventMillis) {
      newestEventMillis = time;
    }
    if (event.isLabel()) {
      onLabel(model, event, time);
    } else {
      onPrediction(model, event, time);
    }
  }

  private void onPrediction(ModelState model, ParsedEvent event, long time) {
    int versionIndex = versionIndex(model, event.version());
    VersionStats stats = model.version(versionIndex);
    stats.predictions++;
    byte flagged = decision(model, event);
    if (flagged == 1) {
      stats.flagged++;
    }
    if (event.error() != null) {
      int errorIndex = model.errors.indexOf(event.error());
      if (model.errors.isOther(errorIndex)) {
        limited[LimitKind.ERROR.ordinal()]++;
      }
      stats.countError(errorIndex);
    }
    if (event.hasLatency()) {
      stats.latency.observe(event.latencyMs() / 1000.0);
    }
    if (event.hasScore()) {
      stats.score.observe(event.score());
      if (flagged >= 0 && ExpectedOutcomes.isProbability(event.score())) {
        ExpectedOutcomes.add(stats.expected, flagged == 1, event.score());
      }
    }
    if (model.features != null) {
      model.features.observe(event, time);
    }
    if (event.hasId()) {
      pending.add(
          joinKeys.of(event),
          model.index,
          versionIndex,
          flagged,
          event.hasScore() ? event.score() : Double.NaN,
          time);
    }
  }

  private void onLabel(ModelState model, ParsedEvent event, long time) {
    boolean label = event.labelValue() == 1;
    if (event.flagged() != ParsedEvent.ABSENT) {
      model.labels[JoinResult.INLINE.ordinal()]++;
      VersionStats stats = model.version(versionIndex(model, event.version()));
      stats.outcomes[Outcome.of(event.flagged() == 1, label).ordinal()]++;
      return;
    }
    if (!event.hasId()) {
      model.labels[JoinResult.UNMATCHED.ordinal()]++;
      return;
    }
    PendingPredictions.Join join = pending.label(joinKeys.of(event));
    model.labels[join.result().ordinal()]++;
    PendingPrediction prediction = join.prediction();
    if (prediction == null) {
      return;
    }
    if (prediction.hasDecision()) {
      model.version(prediction.version())
          .outcomes[Outcome.of(prediction.flagged() == 1, label).ordinal()]++;
    }
    model.labelDelay.observe(Math.max(0, time - prediction.timeMillis()) / 1000.0);
  }

  @Override
  public EventPreparer newPreparer() {
    // Join keys and feature resolution are pure: done where the line was parsed, off this thread.
    JoinKeys preparedKeys = new JoinKeys();
    EventPreparer features =
        references.isEmpty() ? EventPreparer.NONE : new ReferencePreparer(references);
    return event -> {
      preparedKeys.attach(event);
      features.prepare(event);
    };
  }

  @Override
  public void prefetch(ParsedEvent event) {
    if (JoinKeys.joins(event)) {
      if (prefetchCount == prefetchKeys.length) {
        prefetchKeys = Arrays.copyOf(prefetchKeys, 2 * prefetchCount);
        prefetchAdds = Arrays.copyOf(prefetchAdds, 2 * prefetchCount);
      }
      prefetchKeys[prefetchCount] = joinKeys.of(event);
      prefetchAdds[prefetchCount++] = !event.isLabel();
    }
  }

  @Override
  public void prefetchDone() {
    pending.prefetch(prefetchKeys, prefetchAdds, prefetchCount);
    prefetchCount = 0;
  }

  /** The event's decision: explicit, else score ≥ the model's threshold, else unknown (-1). */
  private static byte decision(ModelState model, ParsedEvent event) {
    if (event.flagged() != ParsedEvent.ABSENT) {
      return event.flagged();
    }
    if (event.hasScore() && model.threshold.isPresent()) {
      return (byte) (event.score() >= model.threshold.getAsDouble() ? 1 : 0);
    }
    return ParsedEvent.ABSENT;
  }

  private int versionIndex(ModelState model, String version) {
    int index;
    if (version != null && version == model.lastVersion) {
      index = model.lastVersionIndex;
    } else {
      index = model.versions.indexOf(version == null ? UNKNOWN_VERSION : version);
      model.lastVersion = version;
      model.lastVersionIndex = index;
    }
    if (model.versions.isOther(index)) {
      limited[LimitKind.VERSION.ordinal()]++;
    }
    return index;
  }

  private ModelState stateOf(int index) {
    while (models.size() <= index) {
      String name = modelNames.name(models.size());
      ModelConfig mc = configured.get(name);
      OptionalDouble threshold = mc == null ? OptionalDouble.empty() : mc.threshold();
      ModelState state =
          new ModelState(
              name, models.size(), threshold, limits.maxVersionsPerModel(), limits.maxErrorTypes());
      ReferenceProfile reference = references.get(name);
      if (reference != null) {
        state.features = new FeatureTracker(reference, windowMaxSamples);
      }
      models.add(state);
    }
    return models.get(index);
  }

  /** The time that ages pending labels and windows: wall clock in run, event time in replay. */
  public long nowMillis() {
    if (timeMode == TimeMode.EVENT_TIME) {
      return newestEventMillis == Long.MIN_VALUE ? wallClockMillis.getAsLong() : newestEventMillis;
    }
    return wallClockMillis.getAsLong();
  }

  /** Drops pending predictions older than {@code labels.ttl} and window rows past max age. */
  public void expire() {
    long now = nowMillis();
    pending.expire(now);
    for (ModelState m : models) {
      if (m.features != null) {
        m.features.evictOlderThan(now - windowMaxAgeMillis);
      }
    }
  }

  /** Copies of the drift windows of the models with a reference, for evaluation elsewhere. */
  public Map<String, WindowSample> windowSamples() {
    expire();
    Map<String, WindowSample> out = new LinkedHashMap<>();
    for (ModelState m : models) {
      if (m.features != null) {
        out.put(m.name, m.features.windowSample());
      }
    }
    return out;
  }

  /** The reference profiles of the models that have one. */
  public Map<String, ReferenceProfile> references() {
    return references;
  }

  /** The pending predictions, for a checkpoint. */
  public CheckpointFile.PendingSource pendingSource() {
    return new CheckpointFile.PendingSource() {
      @Override
      public PendingTables tables() {
        List<List<String>> versions = new ArrayList<>(models.size());
        for (ModelState m : models) {
          versions.add(m.versions.names());
        }
        return new PendingTables(modelNames.names(), versions);
      }

      @Override
      public int count() {
        return pending.size();
      }

      @Override
      public void forEachOldestFirst(PendingPredictions.Visitor visitor) {
        pending.forEachOldestFirst(visitor);
      }
    };
  }

  /**
   * Where a checkpoint's pending predictions go back: the checkpoint's model and version indexes
   * are mapped to this run's by name (under this run's limits).
   */
  public CheckpointFile.PendingTarget pendingTarget(PendingTables tables) {
    int[] modelIndex = new int[tables.models().size()];
    int[][] versionIndex = new int[modelIndex.length][];
    for (int m = 0; m < modelIndex.length; m++) {
      modelIndex[m] = modelNames.indexOf(tables.models().get(m));
      ModelState state = stateOf(modelIndex[m]);
      List<String> versions = tables.versions().get(m);
      versionIndex[m] = new int[versions.size()];
      for (int v = 0; v < versions.size(); v++) {
        versionIndex[m][v] = state.versions.indexOf(versions.get(v));
        state.version(versionIndex[m][v]);
      }
    }
    return (key, time, model, version, flagged, labelled, score) ->
        pending.restore(
            key, time, modelIndex[model], versionIndex[model][version], flagged, labelled, score);
  }

  public MonitorSnapshot snapshot() {
    List<ModelSnapshot> out = new ArrayList<>(models.size());
    for (ModelState m : models) {
      out.add(m.snapshot(pending.unlabelled(m.index)));
    }
    Map<LimitKind, Long> limitedCounts = new EnumMap<>(LimitKind.class);
    for (LimitKind k : LimitKind.values()) {
      limitedCounts.put(k, limited[k.ordinal()]);
    }
    long foldedCategories = 0;
    for (ModelState m : models) {
      foldedCategories += m.features == null ? 0 : m.features.foldedCategories;
    }
    limitedCounts.merge(LimitKind.CATEGORY, foldedCategories, Long::sum);
    return new MonitorSnapshot(out, limitedCounts);
  }
}
