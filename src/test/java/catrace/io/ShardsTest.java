package catrace.io;

import catrace.batch.Shards;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class ShardsTest {

	private static List<Path> files(final int n) {
		final List<Path> out = new ArrayList<>();
		for (int i = 0; i < n; i++) out.add(Paths.get(String.format("rec_%03d.tif", i)));
		return out;
	}

	@Test
	public void everyFileIsInExactlyOneShard() {
		for (int nFiles = 0; nFiles <= 23; nFiles++) {
			final List<Path> all = files(nFiles);
			for (int n = 1; n <= 8; n++) {
				final Map<Path, Integer> owner = new HashMap<>();
				int total = 0;
				for (int i = 1; i <= n; i++) {
					final List<Path> mine = Shards.select(all, i, n);
					total += mine.size();
					// balanced: sizes differ by at most one
					assertTrue(Math.abs(mine.size() - nFiles / (double) n) < 1);
					for (final Path p : mine) assertEquals(null, owner.put(p, i));
				}
				assertEquals(nFiles, total);
				assertEquals(nFiles, owner.size());
			}
		}
	}

	@Test
	public void roundRobinOverTheSortedList() {
		assertEquals(Arrays.asList(Paths.get("rec_001.tif"), Paths.get("rec_004.tif"), Paths.get("rec_007.tif")), Shards
			.select(files(8), 2, 3));
		assertEquals(files(5), Shards.all().select(files(5)));
	}

	@Test
	public void parsesIOfN() {
		final Shards s = Shards.parse(" 2/3 ");
		assertEquals(2, s.index());
		assertEquals(3, s.count());
		assertEquals("2/3", s.toString());
		assertEquals("shard-2-of-3", s.folderName());
		assertEquals(1, Shards.parse("").count());
		assertEquals(1, Shards.parse(null).index());
		for (final String bad : new String[] { "0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3" }) {
			try {
				Shards.parse(bad);
				fail(bad);
			}
			catch (final IllegalArgumentException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("shard") && e.getMessage().contains(bad));
			}
		}
	}
}
