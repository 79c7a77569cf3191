package org.conflictledger.systemtests.openapi;

import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a third-party developer does first with the API: generate a Java client from the published document with
 * OpenAPI Generator's default settings (the {@code java} generator, its okhttp-gson library), then compile it. The
 * client's own dependencies (OkHttp, Gson, …) are test dependencies of this module, at the versions its generated
 * build names.
 */
public final class GeneratedJavaClient {
    private final Path sources;

    private GeneratedJavaClient(Path sources) {
        this.sources = sources;
    }

    /** Generates the client of the document at {@code spec} into {@code folder}. */
    public static GeneratedJavaClient generate(Path spec, Path folder) throws IOException {
        deleteRecursively(folder);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setInputSpec(spec.toAbsolutePath().toString())
                .setOutputDir(folder.toAbsolutePath().toString());
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        return new GeneratedJavaClient(folder.resolve("src/main/java"));
    }

    /** The compiler's errors, one line each (file, line, message); empty when the client compiles. */
    public List<String> compileErrors(Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // Failsafe starts the tests from a manifest-only jar, so java.class.path is not the test classpath.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<File> javaFiles = javaFiles();
            if (javaFiles.isEmpty()) {
                return List.of("no Java source was generated under " + sources);
            }
            compiler.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classpath, "-proc:none", "-nowarn", "-Xlint:none"),
                    null, files.getJavaFileObjectsFromFiles(javaFiles)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> (diagnostic.getSource() == null ? "" : Path.of(diagnostic.getSource().toUri()).getFileName()
                        + ":" + diagnostic.getLineNumber() + ": ") + diagnostic.getMessage(null))
                .toList();
    }

    /** The text of every generated API class (…/api/*Api.java), for checking the names of its methods. */
    public String apiSources() throws IOException {
        StringBuilder text = new StringBuilder();
        for (File file : javaFiles()) {
            if (file.getName().endsWith("Api.java") && file.getParentFile().getName().equals("api")) {
                text.append(Files.readString(file.toPath()));
            }
        }
        return text.toString();
    }

    /** The simple names of the generated model classes. */
    public List<String> modelNames() throws IOException {
        return javaFiles().stream().filter(file -> file.getParentFile().getName().equals("model"))
                .map(file -> file.getName().replace(".java", "")).sorted().toList();
    }

    private List<File> javaFiles() throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(path -> path.toString().endsWith(".java")).map(Path::toFile).toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
