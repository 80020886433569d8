// build.log holds both runs, one after the other. Run 1 wove the application class and the test
// class (its tests, which need them woven, passed); run 2 found both up to date and wove nothing.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] -+< it\.jcoro:woven-app >-+$/).findAll { it.contains('BUILD SUCCESS') }
assert runs.size() == 2 : "two successful runs expected, found " + runs.size()
def summaries = { String run -> run.readLines().findAll { it.startsWith('[INFO] jcoro: ') && it.contains('/target/') } }
def first = summaries(runs[-2])
def second = summaries(runs[-1])
assert first.size() == 2 && first.every { it.contains(': woven 1 class; 0 already woven, 0 up to date') } : first
assert second.size() == 2 && second.every { it.contains(': woven 0 classes; 0 already woven, 1 up to date') } : second
runs[-2..-1].each { assert it.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') }
return true
