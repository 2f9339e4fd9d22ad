import java.nio.file.Path;
import org.headwater.publish.fake.FakeMemberNode;

/** Starts the Metacat-like fake Member Node on loopback and prints its base URL; runs until killed. */
public final class BenchNode {
  public static void main(String[] args) throws Exception {
    FakeMemberNode node = new FakeMemberNode(Path.of(args[0]));
    System.out.println(node.baseUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
