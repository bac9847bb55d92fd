// The build failed because of the typo, and the message says which step cannot run, why, and the fix.
String log = new File(basedir, 'build.log').text

assert log.contains('dev.frontrun.ScheduleException') || log.contains('» Schedule') :
        'expected the test to fail with a dev.frontrun.ScheduleException'
assert log.contains("(thread1, write_balanse) cannot run") : 'expected the message to name the step that cannot run'
// Why: thread1 never reaches 'write_balanse'. It stops at its real marker, 'write_balance', so the scheduler
// says so; a thread that ends before the marker is reported as "finished without reaching marker".
assert log.contains("finished without reaching marker 'write_balanse'") ||
        log.contains("is waiting at marker 'write_balance', not 'write_balanse'") :
        "expected the message to say that thread1 does not reach marker 'write_balanse'"
assert log.contains("Did you mean 'write_balance'?") : 'expected a suggestion of the real marker name'
assert log =~ /Tests run: 1, Failures: 0, Errors: 1/

true
