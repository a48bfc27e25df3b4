/**
 * Benchmarks of the reference implementations: programs that print figures, not tests. Each
 * has a {@code main}; run one with the {@code bench} profile of the solutions build (see
 * {@code solutions/pom.xml}).
 */
package socketlabs.benchmarks;
