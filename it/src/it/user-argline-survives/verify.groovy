// The test asserts the user's settings and the agent inside the test JVM; here we check it did run and pass.
import groovy.xml.XmlSlurper

File report = new File(basedir, 'target/frontrun-reports/TEST-example.bank.BankAccountTest.xml')
assert report.isFile() : "$report is missing"
def suite = new XmlSlurper().parse(report)
assert suite.@tests.text() == '1'
assert suite.@skipped.text() == '0' : 'the test was skipped: the agent did not reach the test JVM'
assert suite.@failures.text() == '0' && suite.@errors.text() == '0'

assert new File(basedir, 'build.log').text.contains('example.flag=kept EXAMPLE_ENV=kept agent=')

true
