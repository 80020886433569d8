package io.jcoro.maven;

import io.jcoro.agent.weave.WeaveReport;
import io.jcoro.agent.weave.Weaver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What both goals do: weave a classes directory with the agent's instrumenter, reading
 * superclasses from the module's class path as bytes. A method the instrumenter refuses fails
 * the build by default, with the instrumenter's message (class, method, line, reason);
 * {@code refusals=warn} logs it as a warning and writes the class with the throwing body the
 * agent would give it. A class that cannot be processed at all always fails the build.
 */
abstract class AbstractInstrumentMojo extends AbstractMojo {
    /** {@code fail} (the default): a refused method fails the build; {@code warn}: it is logged. */
    @Parameter(property = "jcoro.refusals", defaultValue = "fail")
    private String refusals;

    /** Skips weaving. */
    @Parameter(property = "jcoro.skip", defaultValue = "false")
    private boolean skip;

    /** Logs every instrumented method. */
    @Parameter(property = "jcoro.verbose", defaultValue = "false")
    private boolean verbose;

    /** Where the incremental stamps go. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** @return the directory of class files to weave */
    abstract File classesDirectory();

    /** @return where to write them: the same directory (the default) or another */
    abstract File outputDirectory();

    /** @return the class path the classes were compiled against */
    abstract List<String> classpathElements();

    /** @return the goal's name, for the stamp file */
    abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jcoro weaving skipped");
            return;
        }
        if (!refusals.equals("fail") && !refusals.equals("warn")) {
            throw new MojoExecutionException("jcoro.refusals must be fail or warn, not " + refusals);
        }
        File in = classesDirectory();
        if (!in.isDirectory()) {
            getLog().info("jcoro: no classes in " + in);
            return;
        }
        List<Path> classPath = new ArrayList<>();
        for (String element : classpathElements()) {
            classPath.add(new File(element).toPath());
        }
        boolean warn = refusals.equals("warn");
        Weaver weaver = new Weaver(classPath, warn, verbose ? line -> getLog().info("jcoro: " + line) : null);
        Path stamp = buildDirectory.toPath().resolve("jcoro").resolve(goal() + ".stamp");
        long started = System.nanoTime();
        WeaveReport report;
        try {
            report = weaver.weaveDirectory(in.toPath(), outputDirectory().toPath(), stamp);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("jcoro cannot weave " + in + ": " + e, e);
        }
        for (String refusal : report.refusals()) {
            if (warn) {
                getLog().warn(refusal);
            } else {
                getLog().error(refusal);
            }
        }
        for (String failure : report.failures()) {
            getLog().error("jcoro cannot weave " + failure);
        }
        getLog().info("jcoro: " + in + ": " + report.summary() + " ("
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        if (!report.failures().isEmpty() || !warn && !report.refusals().isEmpty()) {
            throw new MojoFailureException("jcoro could not weave " + in + ": " + report.refusals().size()
                    + " refused method(s), " + report.failures().size() + " failed class(es); see the"
                    + " messages above (refusals=warn keeps the refusing methods, which then throw)");
        }
    }
}
