package io.learnops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.util.ProductPropertiesUtil;

/**
 * The side-by-side peer: an embedded Operaton engine on an H2 file database in a fresh temporary
 * directory, otherwise with the engine's defaults, holding both of our process shapes. Like our
 * engine, it is started once per run and serves every Operaton scenario of the run.
 */
final class OperatonPeer implements AutoCloseable {

  private final Path dataDir;
  private final ProcessEngineConfigurationImpl configuration;
  private final ProcessEngine engine;

  private OperatonPeer(Path dataDir, ProcessEngineConfigurationImpl configuration, ProcessEngine engine) {
    this.dataDir = dataDir;
    this.configuration = configuration;
    this.engine = engine;
  }

  static OperatonPeer start() throws IOException {
    final Path dataDir = Files.createTempDirectory("operaton-bench-");
    final StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration
        .setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("operaton").toAbsolutePath())
        .setJdbcDriver("org.h2.Driver")
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setProcessEngineName("bench-peer");
    // its DMN engine is built even unused; the JUEL-based FEEL needs no jar that clashes with ours
    // (bench/pom.xml leaves the Scala one out)
    configuration.setDmnFeelEnableLegacyBehavior(true);
    final ProcessEngine engine;
    try {
      engine = configuration.buildProcessEngine();
    } catch (RuntimeException | Error e) {
      TempDirs.delete(dataDir);
      throw e;
    }
    final OperatonPeer peer = new OperatonPeer(dataDir, configuration, engine);
    try {
      peer.deploy();
      return peer;
    } catch (RuntimeException e) {
      peer.close();
      throw e;
    }
  }

  ScenarioResult run(OperatonScenario scenario, BenchOptions options) throws InterruptedException {
    final PhasedLoad phases = new PhasedLoad(scenario.name(), options);
    final Failures failures = new Failures();
    final ScenarioResult result;
    try (OperatonLoad load = new OperatonLoad(engine, scenario.process(), ScenarioRunner.WORKER_THREADS, failures)) {
      result = phases.run(load, null);
    }
    if (failures.count() > 0) {
      phases.progress("%d engine calls failed, the first with: %s", failures.count(), failures.first());
    }
    return result;
  }

  /** What the tables' header says about the peer, read from the running engine. */
  String describe() {
    return "Operaton %s embedded (%s file database, history level %s, job executor %s); external-task worker: %d handler threads, maxTasks %d, lock %d ms, %d ms pause after an empty fetch"
        .formatted(ProductPropertiesUtil.getProductVersion(), databaseVersion(),
            configuration.getHistoryLevel().getName(),
            engine.getProcessEngineConfiguration().isJobExecutorActivate() ? "active" : "not active",
            ScenarioRunner.WORKER_THREADS, OperatonLoad.MAX_TASKS, OperatonLoad.LOCK_MILLIS,
            OperatonLoad.IDLE_PAUSE_MILLIS);
  }

  private String databaseVersion() {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "H2 (version unknown: " + e.getMessage() + ")";
    }
  }

  private void deploy() {
    engine.getRepositoryService().createDeployment()
        .name("bench")
        .addModelInstance(BenchProcess.ONE_TASK.resourceName(), OperatonProcess.model(BenchProcess.ONE_TASK))
        .addModelInstance(BenchProcess.TEN_TASKS.resourceName(), OperatonProcess.model(BenchProcess.TEN_TASKS))
        .deploy();
  }

  @Override
  public void close() throws IOException {
    try {
      engine.close();
    } finally {
      TempDirs.delete(dataDir);
    }
  }
}
