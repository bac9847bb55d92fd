// First run: the random strategy found the lost update, wrote the replay file, and the build log shows the command.
// Second run: that command replayed exactly the recorded interleaving, which failed the same way.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
File file = new File(basedir, 'target/frontrun/replay/example.counter.CounterTest.increments.json')

assert file.isFile() : "expected the replay file $file"
def schedule = new JsonSlurper().parse(file)
assert schedule.format == 'frontrun-replay'
assert schedule.test == 'example.counter.CounterTest#increments'
assert schedule.strategy == 'RANDOM(seed 42)'
assert schedule.preemptions == 1 : 'the lost update needs one preemption, and shrinking finds it'
assert schedule.steps.size() == 4

String command = "mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay=${file.canonicalPath}"
assert log.contains("Lost update: threads 0 and 1 both read Counter.value before either wrote it back.")
assert log.contains("Replay: $command") : 'expected the explanation to end with the command that replays it'
assert log.contains("[frontrun]   replay: $command") : 'expected the build log to repeat the command'

// the second invocation
assert log.contains("frontrun: replaying ${file.canonicalPath} (4 steps, 1 preemption, found by RANDOM(seed 42)) " +
        "in example.counter.CounterTest#increments, exploration 1 of the test")
assert log.contains("Race condition found after 1 interleaving.") : 'the replay ran one execution, and it failed'
assert log.contains("Replay file: ${file.canonicalPath} (4 steps, recorded by example.counter.CounterTest#increments")
assert log =~ /\[frontrun\] CounterTest\.increments: replay VIOLATED, 1 execution/

true
