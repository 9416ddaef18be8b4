/**
 * Reference files: training rows in CSV or JSON Lines, and the profile JSON of {@code mlmon
 * profile}. {@link io.mlmon.reference.ReferenceLoader#load} reads any of them into a {@link
 * io.mlmon.drift.ReferenceProfile} with the settings in force (a profile and the rows it came from
 * give the same profile); {@link io.mlmon.reference.ProfileWriter} writes a profile file. Every
 * problem is a {@link io.mlmon.reference.ReferenceException} with a one-line message naming the
 * file and line.
 */
package io.mlmon.reference;
