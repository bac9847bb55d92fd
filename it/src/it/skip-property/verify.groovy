// -Dfrontrun.skip: frontrun:test runs no test (both tests would fail) and says that it skipped.
String log = new File(basedir, 'build.log').text

// the line right after the goal's header says that it skipped, and why
List<String> lines = log.readLines()
int goal = lines.findIndexOf { it =~ /--- frontrun-maven-plugin:[^:]+:test \(default-cli\)/ }
assert goal >= 0 : 'frontrun:test did not run'
String said = lines.drop(goal + 1).find { it.trim() != '[INFO]' }
assert said =~ /(?i)skipping/ && said.contains('frontrun.skip') : "expected frontrun:test to say it skipped, got: $said"
assert !log.contains('Tests run:') : 'frontrun.skip is set, yet tests ran'
assert !new File(basedir, 'target/frontrun-reports').exists()

true
