package dev.frontrun.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @FrontrunTest} is used in place of {@code @Test} to signal that a test method uses frontrun.
 *
 * <p>The test is tagged {@value #TAG}, so a build can select or exclude frontrun tests with Surefire's
 * {@code groups}, and runs with the {@link FrontrunExtension}: without the frontrun agent it is skipped, with a
 * reason that says how to run it ({@code mvn frontrun:test}); with the agent, what frontrun ran during the test
 * is published as report entries that frontrun's Surefire provider turns into result records.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag(FrontrunTest.TAG)
@ExtendWith(FrontrunExtension.class)
public @interface FrontrunTest {

	/** The JUnit tag of frontrun tests. */
	String TAG = "frontrun";
}
