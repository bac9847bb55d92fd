// Without the agent the marker test is skipped, not failed, and the reason tells how to run it.
import groovy.xml.XmlSlurper

File report = new File(basedir, 'target/surefire-reports/TEST-example.bank.BankAccountTest.xml')
assert report.isFile() : "$report is missing"
def suite = new XmlSlurper().parse(report)
assert suite.@tests.text() == '1'
assert suite.@skipped.text() == '1' : 'the marker test was not reported skipped'
assert suite.@failures.text() == '0' && suite.@errors.text() == '0'

def skipped = suite.testcase.skipped
assert skipped.size() == 1
String reason = skipped[0].@message.text()
assert reason.contains('mvn frontrun:test') : "the skip reason does not say how to run the test: '$reason'"

// plain `mvn test` is untouched by frontrun: no frontrun reports
assert !new File(basedir, 'target/frontrun-reports').exists()

true
