// Run 2's log: both goals found every class file up to date, read none and wove none.
def log = new File(basedir, 'build.log').text
def summaries = log.readLines().findAll { it.contains('[INFO] jcoro: ') && it.contains(' up to date') }
assert summaries.size() == 2 : "two weaving summaries expected in:\n" + log
summaries.each { assert it.contains('woven 0 classes; 0 already woven') : it }
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
return true
