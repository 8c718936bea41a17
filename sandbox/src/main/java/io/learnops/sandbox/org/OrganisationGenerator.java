package io.learnops.sandbox.org;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates the demo organisation from a seed: a chief executive, one head per department
 * reporting to them, team leads reporting to the heads and members reporting to a team lead.
 * The same seed and size always give the same people, ids and hierarchy, so tests and demos can
 * name them. About 3 % are inactive (leavers not yet removed), as in a real HRIS.
 */
public final class OrganisationGenerator {

  private static final int TEAM_SIZE = 8;
  private static final double INACTIVE_SHARE = 0.03;
  private static final List<String> GIVEN_NAMES = List.of("Ada", "Ben", "Chloe", "Daniel",
      "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah",
      "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wen", "Xavier",
      "Yara", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri", "Emma", "Felix", "Greta", "Hannah",
      "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nina");
  private static final List<String> FAMILY_NAMES = List.of("Abbott", "Becker", "Costa",
      "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen", "Kowalski",
      "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka",
      "Unger", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Andersen", "Bianchi", "Chen",
      "Dvorak", "Evans", "Fontaine", "Gruber", "Horvat", "Iyer", "Janssen", "Kim", "Lopez",
      "Meyer", "Novak");

  private final long seed;
  private final int size;
  private final String emailDomain;

  public OrganisationGenerator(long seed, int size, String emailDomain) {
    this.seed = seed;
    this.size = size;
    this.emailDomain = emailDomain;
  }

  public DemoOrganisation generate() {
    Random random = new Random(seed);
    Set<String> emails = new HashSet<>();
    List<DemoEmployee> people = new ArrayList<>();
    List<Department> departments = Department.all();
    DemoEmployee ceo = person(random, emails, people.size(), departments.get(0),
        "Chief Executive Officer", Optional.empty(), true);
    people.add(ceo);
    List<Integer> headcounts = headcounts(departments.subList(1, departments.size()));
    for (int d = 1; d < departments.size(); d++) {
      Department department = departments.get(d);
      int headcount = headcounts.get(d - 1);
      DemoEmployee head = person(random, emails, people.size(), department,
          "Head of " + department.name(), Optional.of(ceo), true);
      people.add(head);
      DemoEmployee lead = null;
      for (int i = 1; i < headcount; i++) {
        boolean startsTeam = (i - 1) % (TEAM_SIZE + 1) == 0;
        if (startsTeam) {
          lead = person(random, emails, people.size(), department,
              department.name() + " Team Lead", Optional.of(head), true);
          people.add(lead);
        } else {
          String title = department.titles().get(random.nextInt(department.titles().size()));
          boolean active = random.nextDouble() >= INACTIVE_SHARE;
          people.add(person(random, emails, people.size(), department, title,
              Optional.of(lead), active));
        }
      }
    }
    return new DemoOrganisation(people);
  }

  /** Headcount per department from its share; rounding leftovers go to the largest one. */
  private List<Integer> headcounts(List<Department> departments) {
    int staff = size - 1;
    List<Integer> counts = new ArrayList<>();
    int largest = 0;
    for (int i = 0; i < departments.size(); i++) {
      counts.add(Math.max(2, (int) Math.floor(staff * departments.get(i).share())));
      if (departments.get(i).share() > departments.get(largest).share()) {
        largest = i;
      }
    }
    int assigned = counts.stream().mapToInt(Integer::intValue).sum();
    counts.set(largest, counts.get(largest) + staff - assigned);
    return counts;
  }

  private DemoEmployee person(Random random, Set<String> emails, int index, Department department,
      String title, Optional<DemoEmployee> manager, boolean active) {
    String given = GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size()));
    String family = FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size()));
    String local = (given + "." + family).toLowerCase(Locale.ROOT);
    String email = local + "@" + emailDomain;
    for (int n = 2; !emails.add(email); n++) {
      email = local + n + "@" + emailDomain;
    }
    String employeeNumber = String.format("E%05d", 10001 + index);
    String id = UUID.nameUUIDFromBytes(("learnops-sandbox:" + seed + ":" + employeeNumber)
        .getBytes(StandardCharsets.UTF_8)).toString();
    return new DemoEmployee(id, employeeNumber, given, family, email, title, department, active,
        manager.map(DemoEmployee::id), manager.map(DemoEmployee::displayName));
  }
}
