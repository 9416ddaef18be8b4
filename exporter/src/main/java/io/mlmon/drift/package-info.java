/**
 * Drift of a model's inputs and outputs against its training data (statistics.md): pure, only the
 * JDK and Commons Math, no files, no clock, no logging.
 *
 * <h2>Reference</h2>
 *
 * A {@link io.mlmon.drift.ReferenceProfile} comes from training rows fed to a {@link
 * io.mlmon.drift.ReferenceProfileBuilder} (or from a file through {@code
 * io.mlmon.reference.ReferenceLoader}). It is immutable: feature {@code i} is {@code
 * profile.feature(i)}, found by name with {@code profile.indexOf(name)} (-1: not a reference
 * feature). Each {@link io.mlmon.drift.ReferenceFeature} knows its bins ({@code binLabels()},
 * {@code referenceRatios()} for {@code mlmon_feature_reference_ratio}), the bin of a value ({@code
 * binOf(double)}, {@code binOf(String)} for {@code mlmon_feature_bin_total}) and the data-quality
 * checks ({@code isOutOfRange(double)}, {@code isUnseenCategory(String)}). {@code profile.score()}
 * and {@code profile.flagRatio()} give the reference scores and {@code mlmon_reference_flag_ratio}.
 *
 * <h2>Window, on the ingest thread</h2>
 *
 * One {@link io.mlmon.drift.DriftWindow} per model, {@code new DriftWindow(profile, maxSamples)};
 * for every prediction event:
 *
 * <pre>{@code
 * window.evictOlderThan(newestOrNowMillis - maxAgeMillis);   // whenever convenient
 * window.beginRow(eventTimeMillis);
 * for each feature value in the event:
 *   int i = profile.indexOf(name);                            // -1: not in the reference
 *   ReferenceFeature f = profile.feature(i);
 *   NUMERIC feature, JSON number:   window.setNumeric(i, value)   (non-finite: stays missing)
 *   CATEGORICAL feature, string:    window.setCategory(i, f.binOf(text))   (blank: missing)
 *   CATEGORICAL, number:            window.setCategory(i, f.binOf(number))
 *   CATEGORICAL, boolean:           window.setCategory(i, f.binOf(Categories.canonical(b)))
 * if the event has a score:         window.setScore(score)
 * }</pre>
 *
 * Values not set stay missing. Nothing is allocated per event once the window is full.
 *
 * <h2>Evaluation, on a background thread</h2>
 *
 * Take {@code WindowSample sample = window.snapshot()} on the ingest thread (a copy, about 1 ms for
 * 100 features × 10,000 rows), then anywhere: {@code ModelDrift report =
 * DriftEvaluator.evaluate(profile, sample, new DriftSettings(minSamples, DriftRule.of(method,
 * threshold), datasetShare), nowMillis)}, and publish the immutable report (an {@code
 * AtomicReference}) for scrapes and {@code /api/v1/drift}. A {@link io.mlmon.drift.ModelDrift}
 * lists the evaluated features (absent below {@code min_samples}: expose no drift series for them),
 * each a {@link io.mlmon.drift.FeatureDrift} with every applicable method's score and p-value, the
 * decision, and each bin's reference and current share; the dataset drift share and decision; the
 * prediction drift of the score; the window's rows and the evaluation time. No value is NaN.
 */
package io.mlmon.drift;
