// The marker test ran with the agent (not skipped), passed, and frontrun reported it: a summary line in
// the build log and a JSON record under target/frontrun.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').text

assert log =~ /\[frontrun\] \S*BankAccountTest\S*lostUpdate\S*: trace-markers HOLDS/ :
        'expected a summary line "[frontrun] ...BankAccountTest.lostUpdate: trace-markers HOLDS, ..." in build.log'

File report = new File(basedir, 'target/frontrun-reports/TEST-example.bank.BankAccountTest.xml')
assert report.isFile() : "frontrun:test writes its Surefire reports to target/frontrun-reports: $report is missing"
def suite = new XmlSlurper().parse(report)
assert suite.@tests.text() == '1'
assert suite.@skipped.text() == '0' : 'the marker test was skipped: the agent did not reach the test JVM'
assert suite.@failures.text() == '0' && suite.@errors.text() == '0'

File recordsDir = new File(basedir, 'target/frontrun')
List<File> records = (recordsDir.listFiles() ?: []).findAll { it.name.endsWith('.json') }
assert records.size() == 1 : "expected one JSON record in $recordsDir, found ${records*.name}"
def record = new JsonSlurper().parse(records[0])
assert record.verdict == 'HOLDS' : "verdict in ${records[0].name}: ${record.verdict}"

true
