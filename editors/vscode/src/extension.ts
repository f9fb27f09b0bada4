// Starts `trailwatch lsp` for CloudFormation templates and Terraform files: diagnostics as you
// type, the rule's explanation on hover, fixes and suppressions as code actions. The server does
// the work; this only says how to start it.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("trailwatch")) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

/** Starts the server with the current settings (again when they change). */
async function start(): Promise<void> {
  const settings = vscode.workspace.getConfiguration("trailwatch");
  const java = settings.get<string>("javaPath") || "java";
  const jar = settings.get<string>("jarPath") || "";
  // With a jar: java -jar JAR lsp. Without: the trailwatch launcher on PATH.
  const server: ServerOptions = jar
    ? { command: java, args: ["-jar", jar, "lsp"] }
    : { command: "trailwatch", args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "terraform" },
      { scheme: "file", pattern: "**/*.{tf,tf.json,tfvars,tfvars.json}" },
      { scheme: "file", language: "yaml" },
      { scheme: "file", language: "json" },
    ],
    initializationOptions: { strict: settings.get<boolean>("strict") ?? false },
    synchronize: {
      // A variables file or a module changed outside the editor: the server evaluates its folder again.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{tf,tf.json,tfvars,tfvars.json}"),
    },
  };
  client = new LanguageClient("trailwatch", "trailwatch", server, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
