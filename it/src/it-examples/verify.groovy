// The bundled examples (../examples, copied to target/it-examples) under `mvn clean frontrun:test`:
// every example ran with the agent, passed, and printed what happened.
import groovy.xml.XmlSlurper

// This script lives in it/src/it-examples, outside the copied project, and maven-invoker binds `basedir` to the
// script's own directory; the project under test is the copy in it/target/it-examples.
File project = new File(basedir, '../../target/it-examples').canonicalFile
assert new File(project, 'pom.xml').text.contains('<artifactId>frontrun-examples</artifactId>')

String log = new File(project, 'build.log').text

[
    'bank account: interleaved schedule -> balance 150 (one update lost)',
    'bank account: serial schedule -> balance 200 (both updates kept)',
    'counter: interleaved schedule -> value 1 (one increment lost)',
    'counter: DPOR -> VIOLATED',
    'Lost update: threads 0 and 1 both read Counter.value before either wrote it back.',
    'philosophers: DPOR -> VIOLATED',
    'Deadlock detected',
].each { line -> assert log.contains(line) : "missing from build.log: $line" }

[
    'example.bank.BankAccountTest': [2, 'trace-markers HOLDS'],
    'example.counter.CounterTest': [1, 'trace-markers HOLDS'],
    'example.counter.CounterExplorationTest': [1, 'dpor VIOLATED'],
    'example.philosophers.TableTest': [1, 'dpor VIOLATED'],
].each { testClass, expected ->
    int count = expected[0]
    String summary = expected[1]
    File report = new File(project, "target/frontrun-reports/TEST-${testClass}.xml")
    assert report.isFile() : "$report is missing"
    def suite = new XmlSlurper().parse(report)
    assert suite.@tests.text() == "$count"
    assert suite.@skipped.text() == '0' : "$testClass: tests were skipped, so the agent did not reach the test JVM"
    assert suite.@failures.text() == '0' && suite.@errors.text() == '0'
    String simpleName = testClass.substring(testClass.lastIndexOf('.') + 1)
    assert (log =~ /\[frontrun\] \S*${simpleName}\S*: ${summary}/).count == count :
            "expected $count summary lines for $testClass"
}

true
