<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+57"/>
        <source>Visor: build computer-vision models from your own images.</source>
        <translation>Visor: crie modelos de visão computacional com as suas próprias imagens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a project folder to open</source>
        <translation>uma pasta de projeto a abrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the demo project (created on first use)</source>
        <translation>abre o projeto de demonstração (criado no primeiro uso)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>save a PNG of every page into DIR and exit</source>
        <translation>salva um PNG de cada página em DIR e encerra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the window&apos;s size, WIDTHxHEIGHT (for screenshots)</source>
        <translation>o tamanho da janela, LARGURAxALTURA (para capturas de tela)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>system, light or dark (instead of the one in Preferences)</source>
        <translation>system, light ou dark (em vez do escolhido nas Preferências)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exit as soon as the window is shown (a start-up check)</source>
        <translation>encerra assim que a janela for exibida (uma verificação de inicialização)</translation>
    </message>
</context>
<context>
    <name>visor::Advisor</name>
    <message>
        <location filename="../engine/advise/advisor.cpp" line="+156"/>
        <source>The images carry colour (mean chroma %1 of 255 over %2 sampled images, above %3): colour input keeps what may tell the classes apart.</source>
        <translation>As imagens têm cor (croma médio de %1 em 255 sobre %2 imagens amostradas, acima de %3): a entrada colorida preserva o que pode distinguir as classes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The images are grey (mean chroma %1 of 255 over %2 sampled images, at most %3): one channel trains faster and loses nothing.</source>
        <translation>As imagens são em tons de cinza (croma médio de %1 em 255 sobre %2 imagens amostradas, no máximo %3): um canal treina mais rápido e não perde nada.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 training images and %2 minutes are enough for a residual backbone trained from scratch.</source>
        <translation>%1 imagens de treinamento e %2 minutos bastam para um backbone residual treinado do zero.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With %1 training images and %2 minutes, the small vgg7 backbone learns fastest from scratch; deeper backbones need thousands of images and hours.</source>
        <translation>Com %1 imagens de treinamento e %2 minutos, o backbone pequeno vgg7 aprende mais rápido do zero; backbones mais profundos precisam de milhares de imagens e de horas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A head of %1 features: 20 are too few to tell several classes apart (32 reached a higher mAP on shapes and microcontrollers at the same speed).</source>
        <translation>Uma cabeça de %1 características: 20 são poucas para distinguir várias classes (32 alcançaram um mAP maior em formas e microcontroladores com a mesma velocidade).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 features in the first stage for %2 training examples: enough capacity without slowing the steps much.</source>
        <translation>%1 características no primeiro estágio para %2 exemplos de treinamento: capacidade suficiente sem deixar os passos muito mais lentos.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Batches of %1: a tenth of the %2 training examples, so that an epoch still has several steps.</source>
        <translation>Lotes de %1: um décimo dos %2 exemplos de treinamento, para que cada época ainda tenha vários passos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batches of %1 images: enough objects per step for stable gradients at detection resolutions on a CPU.</source>
        <translation>Lotes de %1 imagens: objetos suficientes por passo para gradientes estáveis nas resoluções de detecção em uma CPU.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batches of %1 small images: steadier gradients and better use of the cores than 10.</source>
        <translation>Lotes de %1 imagens pequenas: gradientes mais estáveis e melhor uso dos núcleos do que 10.</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Searched from %1 px (where the %2th percentile of box shorter sides reaches %3 px and the median object 32 px, COCO&apos;s medium size) to %4 px (the median object at 96 px, COCO&apos;s large, or the images&apos; own size).</source>
        <translation>Procurado entre %1 px (onde o percentil %2 dos lados menores das caixas chega a %3 px e o objeto mediano a 32 px, o tamanho médio do COCO) e %4 px (o objeto mediano com 96 px, o tamanho grande do COCO, ou o tamanho das próprias imagens).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Even %1 px does not fit the budget: %2 px leaves about %3 passes over the training images. The cost: %4% of boxes stay under %5 px.</source>
        <translation>Nem %1 px cabe no orçamento: %2 px deixa cerca de %3 passagens pelas imagens de treinamento. O custo: %4% das caixas ficam abaixo de %5 px.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 px is the largest that leaves about %2 passes over the training images in the budget.</source>
        <translation>%1 px é o maior que deixa cerca de %2 passagens pelas imagens de treinamento no orçamento.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cost: %1% of boxes stay under %2 px.</source>
        <translation>O custo: %1% das caixas ficam abaixo de %2 px.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorter side %1 px for images whose median shorter side is %2 px: enough detail for class_cnn (at least %3 px), the largest that gives about %4 passes in the budget.</source>
        <translation>Lado menor de %1 px para imagens cujo lado menor mediano é %2 px: detalhe suficiente para a class_cnn (pelo menos %3 px), o maior que dá cerca de %4 passagens no orçamento.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The budget caps it below %1 px.</source>
        <translation>O orçamento o limita abaixo de %1 px.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Longer side limit %1 px: %2 times the shorter side, so that 90% of the images keep their proportions at that size.</source>
        <translation>Limite do lado maior de %1 px: %2 vezes o lado menor, para que 90% das imagens mantenham as proporções nesse tamanho.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 stages: each halves the map, leaving about 4 px of the %2 px input for the last one.</source>
        <translation>%1 estágios: cada um reduz o mapa à metade, deixando cerca de 4 px da entrada de %2 px para o último.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Anchors fitted to the %1 boxes at %2 px (k-means of their shapes with 1 − IoU): %3% of the boxes get an anchor at IoU ≥ %4, against %5% with the current anchors.</source>
        <translation>Âncoras ajustadas às %1 caixas em %2 px (k-means dos seus formatos com 1 − IoU): %3% das caixas recebem uma âncora com IoU ≥ %4, contra %5% com as âncoras atuais.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Pyramid levels %1: %n level(s) that no box needs are dropped, which makes every step faster.</source>
        <translation>
            <numerusform>Níveis da pirâmide %1: %n nível que nenhuma caixa usa é descartado, o que acelera cada passo.</numerusform>
            <numerusform>Níveis da pirâmide %1: %n níveis que nenhuma caixa usa são descartados, o que acelera cada passo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pyramid levels %1, one per group of box sizes.</source>
        <translation>Níveis da pirâmide %1, um por grupo de tamanhos de caixa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aspect ratios (height / width) at the 1/6, 1/2 and 5/6 quantiles of the boxes&apos; own.</source>
        <translation>Proporções (altura / largura) nos quantis 1/6, 1/2 e 5/6 das proporções das próprias caixas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scales 1, 1.26, 1.59 (2^0, 2^⅓, 2^⅔): consecutive levels cover every size without gaps.</source>
        <translation>Escalas 1; 1,26; 1,59 (2^0, 2^⅓, 2^⅔): níveis consecutivos cobrem todos os tamanhos sem lacunas.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 steps of %2: one pass over the %3 training examples per epoch.</source>
        <translation>%1 passos de %2: uma passagem pelos %3 exemplos de treinamento por época.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 epochs planned: the probe measured %2 s per step on this machine, %3 s per epoch with its evaluation, so about %4 fit in the %5 minutes; the plan is 30% longer because this machine&apos;s speed varies between runs, and train.time_limit ends the run on time.</source>
        <translation>%1 épocas planejadas: a sondagem mediu %2 s por passo nesta máquina, %3 s por época com a sua avaliação, então cabem cerca de %4 nos %5 minutos; o plano é 30% mais longo porque a velocidade desta máquina varia entre execuções, e train.time_limit termina a execução a tempo.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Follow %1, the quality the run is for, rather than the loss: the best checkpoint is the most accurate model, and a plateau of %1 is what should lower the learning rate or stop the run.</source>
        <translation>Acompanhar %1, a qualidade que a execução busca, em vez da perda: o melhor checkpoint é o modelo mais exato, e um platô de %1 é o que deve reduzir a taxa de aprendizagem ou parar a execução.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lower the learning rate on a plateau of val_loss: with %1 validation examples %2 jumps from epoch to epoch, and every dip would lower the rate.</source>
        <translation>Reduzir a taxa de aprendizagem num platô de val_loss: com %1 exemplos de validação, %2 salta de uma época para outra, e cada queda reduziria a taxa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is better when higher.</source>
        <translation>%1 é melhor quando maior.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>An improvement of 0.005 in %1 counts (the default 0.01 was meant for losses).</source>
        <translation>Uma melhora de 0,005 em %1 já conta (o padrão 0,01 foi pensado para perdas).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after %1 epochs without improvement: a third of the %2 epochs, and more than twice the learning-rate patience so the lower rate gets its chance first.</source>
        <translation>Parar após %1 épocas sem melhora: um terço das %2 épocas, e mais que o dobro da paciência da taxa de aprendizagem, para que a taxa menor tenha a sua chance antes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop within the %1 minutes you gave: no epoch starts unless it and the final test are predicted to end in time (this machine&apos;s speed varies from run to run).</source>
        <translation>Terminar dentro dos %1 minutos que você deu: nenhuma época começa a menos que ela e o teste final devam terminar a tempo (a velocidade desta máquina varia de uma execução para outra).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Halve the learning rate after %1 epochs without improvement (about an eighth of the run: the validation split is small).</source>
        <translation>Reduzir a taxa de aprendizagem à metade após %1 épocas sem melhora (cerca de um oitavo da execução: a partição de validação é pequena).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Halve the learning rate after %1 epochs without improvement (about a twelfth of the run).</source>
        <translation>Reduzir a taxa de aprendizagem à metade após %1 épocas sem melhora (cerca de um doze avos da execução).</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No horizontal flips: the mean of &apos;%1&apos; mirrored correlates %2 with itself and %4 with &apos;%3&apos;, so flipped examples would not look like &apos;%1&apos;.</source>
        <translation>Sem espelhamento horizontal: a média de &apos;%1&apos; espelhada tem correlação %2 consigo mesma e %4 com &apos;%3&apos;, então exemplos espelhados não se pareceriam com &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No vertical flips: the mean of &apos;%1&apos; upside down correlates %2 with itself and %4 with &apos;%3&apos;, so flipped examples would not look like &apos;%1&apos;.</source>
        <translation>Sem espelhamento vertical: a média de &apos;%1&apos; de cabeça para baixo tem correlação %2 consigo mesma e %4 com &apos;%3&apos;, então exemplos espelhados não se pareceriam com &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A blur kernel of %1 px is more than a tenth of the %2 px input and erases the detail; %3 px blurs without that.</source>
        <translation>Um núcleo de desfoque de %1 px é mais que um décimo da entrada de %2 px e apaga os detalhes; %3 px desfoca sem isso.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The largest class has %1 times the %2 objects of &apos;%3&apos; (the warning starts at %4): sample the images of rare classes more often, so each class weighs about the same in training.</source>
        <translation>A maior classe tem %1 vezes os %2 objetos de &apos;%3&apos; (o aviso começa em %4): amostrar com mais frequência as imagens das classes raras, para que cada classe pese mais ou menos o mesmo no treinamento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The largest class has %1 times the %2 examples of &apos;%3&apos; (the warning starts at %4): sample the images of rare classes more often, so each class weighs about the same in training.</source>
        <translation>A maior classe tem %1 vezes os %2 exemplos de &apos;%3&apos; (o aviso começa em %4): amostrar com mais frequência as imagens das classes raras, para que cada classe pese mais ou menos o mesmo no treinamento.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 annotated examples: about 300 give good results and about 1000 suit production; add examples like those the model gets wrong.</source>
        <translation>%1 exemplos anotados: cerca de 300 dão bons resultados e cerca de 1000 servem para produção; adicione exemplos como os que o modelo erra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1% of the boxes stay under %2 px at the resolution the budget allows: give a longer budget, or crop the images around the objects.</source>
        <translation>%1% das caixas ficam abaixo de %2 px na resolução que o orçamento permite: dê um orçamento maior ou recorte as imagens em volta dos objetos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 annotated examples (%2 for training) in %3 classes, %4 minutes: the probe measured %5 s per step of %6 images at %7×%8 px, so about %9 epochs fit.</source>
        <translation>%1 exemplos anotados (%2 para treinamento) em %3 classes, %4 minutos: a sondagem mediu %5 s por passo de %6 imagens de %7×%8 px, então cabem cerca de %9 épocas.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The current settings are what the advisor would choose.</source>
        <translation>As configurações atuais são as que o assistente escolheria.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For you to do (no setting fixes these):</source>
        <translation>Para você fazer (nenhuma configuração resolve isto):</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1% of the boxes are under %2 px at the input resolution (shorter side %3): the network can hardly see them.</source>
        <translation>%1% das caixas têm menos de %2 px na resolução de entrada (lado menor %3): a rede mal consegue vê-las.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The anchors match only %1% of the boxes at IoU ≥ %2: most objects have no anchor to learn from.</source>
        <translation>As âncoras casam com apenas %1% das caixas com IoU ≥ %2: a maioria dos objetos não tem âncora com que aprender.</translation>
    </message>
</context>
<context>
    <name>visor::AnnotationCanvas</name>
    <message>
        <location filename="../widgets/annotationcanvas.cpp" line="+155"/>
        <source>%1 %L2 (predicted)</source>
        <translation>%1 %L2 (previsto)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %L2 (proposal)</source>
        <translation>%1 %L2 (proposta)</translation>
    </message>
</context>
<context>
    <name>visor::AnnotationDocument</name>
    <message>
        <location filename="../widgets/annotationdocument.cpp" line="+119"/>
        <source>The edit was not saved: %1</source>
        <translation>A edição não foi salva: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add box</source>
        <translation>Adicionar caixa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete box</source>
        <translation>Excluir caixa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move or resize box</source>
        <translation>Mover ou redimensionar caixa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change box class</source>
        <translation>Mudar a classe da caixa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set class</source>
        <translation>Definir classe</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mark as annotated</source>
        <translation>Marcar como anotada</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Accept proposal</source>
        <translation>Aceitar proposta</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Accept %n proposal(s)</source>
        <translation>
            <numerusform>Aceitar %n proposta</numerusform>
            <numerusform>Aceitar %n propostas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reject proposal</source>
        <translation>Rejeitar proposta</translation>
    </message>
</context>
<context>
    <name>visor::AnnotationPage</name>
    <message>
        <location filename="../widgets/annotationpage.cpp" line="+121"/>
        <source>◀ Grid</source>
        <translation>◀ Grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Próxima</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Draw box</source>
        <translation>Desenhar caixa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw boxes even over existing ones (W)</source>
        <translation>Desenhar caixas mesmo sobre as existentes (W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete box</source>
        <translation>Excluir caixa</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+58"/>
        <source>Copy previous</source>
        <translation>Copiar anterior</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Annotator</source>
        <translation>Anotador</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wheel</source>
        <translation>Roda do mouse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom around the cursor</source>
        <translation>Zoom em torno do cursor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle button drag</source>
        <translation>Arrastar com o botão do meio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pan</source>
        <translation>Mover a vista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag on the image</source>
        <translation>Arrastar sobre a imagem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draw a box (detection)</source>
        <translation>Desenhar uma caixa (detecção)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a box or its handles</source>
        <translation>Arrastar uma caixa ou suas alças</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move or resize it</source>
        <translation>Movê-la ou redimensioná-la</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back to the grid</source>
        <translation>Voltar à grade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous image</source>
        <translation>Imagem anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next image</source>
        <translation>Próxima imagem</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add the previous image&apos;s boxes to this one (C)</source>
        <translation>Adicionar as caixas da imagem anterior a esta (C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Actual size (%1)</source>
        <translation>Tamanho real (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show labels</source>
        <translation>Mostrar rótulos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Class %1 of the list</source>
        <translation>Classe %1 da lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the selected proposal</source>
        <translation>Aceitar a proposta selecionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept every proposal shown</source>
        <translation>Aceitar todas as propostas mostradas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the next proposal</source>
        <translation>Selecionar a próxima proposta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next image with proposals</source>
        <translation>Próxima imagem com propostas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hide proposals scored below this</source>
        <translation>Ocultar propostas com pontuação abaixo disto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter accepts the selected proposal (the thicker one), Shift+Enter every one shown, Del rejects the selected one, Tab selects the next, P opens the next image with proposals; Ctrl+Z undoes each</source>
        <translation>Enter aceita a proposta selecionada (a mais grossa), Shift+Enter todas as mostradas, Del rejeita a selecionada, Tab seleciona a próxima, P abre a próxima imagem com propostas; Ctrl+Z desfaz cada uma</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show from score</source>
        <translation>Mostrar a partir da pontuação</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Rótulos</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Classes…</source>
        <translation>Classes…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Class&lt;/b&gt; (keys 1–9)</source>
        <translation>&lt;b&gt;Classe&lt;/b&gt; (teclas 1–9)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Annotation</source>
        <translation>Anotação</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+8"/>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Undo: %1</source>
        <translation>Desfazer: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo: %1</source>
        <translation>Refazer: %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 cannot be read (missing, or not an image any more)</source>
        <translation>%1 não pode ser lido (ausente, ou não é mais uma imagem)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n caixa</numerusform>
            <numerusform>%n caixas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no class yet</source>
        <translation>ainda sem classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class: %1</source>
        <translation>classe: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> · model: %n prediction(s)</source>
        <translation>
            <numerusform> · modelo: %n previsão</numerusform>
            <numerusform> · modelo: %n previsões</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n wrong (red, dashed)</source>
        <translation>
            <numerusform>, %n errada (vermelha, tracejada)</numerusform>
            <numerusform>, %n erradas (vermelhas, tracejadas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image %1 of %2 · %3 · %4 × %5 px · %6%7%8</source>
        <translation>Imagem %1 de %2 · %3 · %4 × %5 px · %6%7%8</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · not annotated yet</source>
        <translation> · ainda não anotada</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&lt;b&gt;Proposed class: %1&lt;/b&gt; (%L2) — Enter accepts, Del rejects</source>
        <translation>&lt;b&gt;Classe proposta: %1&lt;/b&gt; (%L2) — Enter aceita, Del rejeita</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>&lt;b&gt;%n proposal(s)&lt;/b&gt; from a model</source>
        <translation>
            <numerusform>&lt;b&gt;%n proposta&lt;/b&gt; de um modelo</numerusform>
            <numerusform>&lt;b&gt;%n propostas&lt;/b&gt; de um modelo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n shown (dotted) · Enter accepts · Shift+Enter all · Del rejects · Tab next · P next image</source>
        <translation>
            <numerusform>, %n mostrada (pontilhada) · Enter aceita · Shift+Enter todas · Del rejeita · Tab próxima · P próxima imagem</numerusform>
            <numerusform>, %n mostradas (pontilhadas) · Enter aceita · Shift+Enter todas · Del rejeita · Tab próxima · P próxima imagem</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No image after this one has proposals.</source>
        <translation>Nenhuma imagem depois desta tem propostas.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy the previous image&apos;s boxes</source>
        <translation>Copiar as caixas da imagem anterior</translation>
    </message>
</context>
<context>
    <name>visor::AugmentationPage</name>
    <message>
        <location filename="../widgets/augmentationpage.cpp" line="+59"/>
        <source>Reset to defaults</source>
        <translation>Restaurar os padrões</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Example </source>
        <translation>Exemplo </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Augmentation</source>
        <translation>Expansão de dados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw new random values for the previews</source>
        <translation>Sortear novos valores para as prévias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-roll</source>
        <translation>Sortear de novo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Always apply the transform being edited</source>
        <translation>Sempre aplicar a transformação em edição</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forces the last edited transform on in every preview, so that its effect is visible; the others keep their probabilities</source>
        <translation>Força a última transformação editada em todas as prévias, para que o seu efeito fique visível; as demais mantêm as suas probabilidades</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No example to preview yet: import images on the Data set page.</source>
        <translation>Ainda não há exemplo para a prévia: importe imagens na página Dataset.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 cannot be read.</source>
        <translation>Não é possível ler %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unchanged</source>
        <translation>sem alteração</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n box(es) dropped</source>
        <translation>
            <numerusform> · %n caixa descartada</numerusform>
            <numerusform> · %n caixas descartadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at the network&apos;s input resolution, %2 × %3 px%4</source>
        <translation>%1 na resolução de entrada da rede, %2 × %3 px%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 forced on</source>
        <translation>; aplicação forçada: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> · computed in %1 ms</source>
        <translation> · calculado em %1 ms</translation>
    </message>
</context>
<context>
    <name>visor::Augmenter</name>
    <message>
        <location filename="../engine/augment/augmenter.cpp" line="+21"/>
        <source>flip horizontal</source>
        <translation>espelhamento horizontal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flip vertical</source>
        <translation>espelhamento vertical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale</source>
        <translation>escala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shear</source>
        <translation>cisalhamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rotate</source>
        <translation>rotação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translate</source>
        <translation>translação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contrast</source>
        <translation>contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness</source>
        <translation>brilho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gamma</source>
        <translation>gama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saturation</source>
        <translation>saturação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hue</source>
        <translation>matiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noise</source>
        <translation>ruído</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blur</source>
        <translation>desfoque</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>(%1, %2) px</source>
        <translation>(%1; %2) px</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n box(es) dropped</source>
        <translation>
            <numerusform>%n caixa descartada</numerusform>
            <numerusform>%n caixas descartadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>original</source>
        <translation>original</translation>
    </message>
</context>
<context>
    <name>visor::Backbones</name>
    <message>
        <location filename="../engine/nn/backbones.cpp" line="+272"/>
        <source>VGG, 7 convolutions up to 256 features: small and fast, the default</source>
        <translation>VGG, 7 convoluções até 256 características: pequeno e rápido, o padrão</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VGG-16 with batch normalisation (Simonyan and Zisserman 2014)</source>
        <translation>VGG-16 com normalização em lote (Simonyan e Zisserman 2014)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VGG-19 with batch normalisation</source>
        <translation>VGG-19 com normalização em lote</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ResNet-18 (He et al. 2016), basic blocks</source>
        <translation>ResNet-18 (He et al. 2016), blocos básicos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ResNet-34, basic blocks</source>
        <translation>ResNet-34, blocos básicos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ResNet-50, bottleneck blocks</source>
        <translation>ResNet-50, blocos bottleneck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ResNet-101, bottleneck blocks</source>
        <translation>ResNet-101, blocos bottleneck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ResNet-152, bottleneck blocks</source>
        <translation>ResNet-152, blocos bottleneck</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MobileNet v1 (Howard et al. 2017), depthwise-separable</source>
        <translation>MobileNet v1 (Howard et al. 2017), convoluções separáveis em profundidade</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MobileNet v1, the 160-pixel variant (same layers)</source>
        <translation>MobileNet v1, a variante de 160 pixels (mesmas camadas)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MobileNet v1, the 192-pixel variant (same layers)</source>
        <translation>MobileNet v1, a variante de 192 pixels (mesmas camadas)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MobileNet v1, the 224-pixel variant (same layers)</source>
        <translation>MobileNet v1, a variante de 224 pixels (mesmas camadas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DenseNet-121 (Huang et al. 2017), growth 32</source>
        <translation>DenseNet-121 (Huang et al. 2017), crescimento 32</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DenseNet-169, growth 32</source>
        <translation>DenseNet-169, crescimento 32</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DenseNet-201, growth 32</source>
        <translation>DenseNet-201, crescimento 32</translation>
    </message>
</context>
<context>
    <name>visor::Bundle</name>
    <message>
        <location filename="../engine/export/bundle.cpp" line="+80"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is %1; this program reads version %2</source>
        <translation>é %1; este programa lê a versão %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be &quot;detection&quot; or &quot;classification&quot;</source>
        <translation>deve ser &quot;detection&quot; ou &quot;classification&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lists no class</source>
        <translation>não lista nenhuma classe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be 1 to 8192</source>
        <translation>deve estar entre 1 e 8192</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be 1 or 3</source>
        <translation>deve ser 1 ou 3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs 1 &lt;= min_side &lt;= max_side</source>
        <translation>precisa de 1 &lt;= min_side &lt;= max_side</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>must be 0 to 1</source>
        <translation>deve estar entre 0 e 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs max_boxes and anchors of at least 1</source>
        <translation>precisa de max_boxes e anchors de pelo menos 1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: not a folder (a bundle is the folder visor-cli export-model writes)</source>
        <translation>%1: não é uma pasta (um pacote de modelo é a pasta que visor-cli export-model escreve)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: não pode ser lido: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: não é um objeto JSON (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: missing</source>
        <translation>%1: ausente</translation>
    </message>
</context>
<context>
    <name>visor::ClassManager</name>
    <message>
        <location filename="../widgets/classmanager.cpp" line="+18"/>
        <location line="+96"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renomear…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour…</source>
        <translation>Cor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Mover para cima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Mover para baixo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a class</source>
        <translation>Adicionar uma classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename the class</source>
        <translation>Renomear a classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Novo nome:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete a class in use</source>
        <translation>Excluir uma classe em uso</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n annotation(s) use this class. Delete the class and those annotations?</source>
        <translation>
            <numerusform>%n anotação usa esta classe. Excluir a classe e essa anotação?</numerusform>
            <numerusform>%n anotações usam esta classe. Excluir a classe e essas anotações?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%1 — %n annotation(s)</source>
        <translation>
            <numerusform>%1 — %n anotação</numerusform>
            <numerusform>%1 — %n anotações</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::DatasetModel</name>
    <message>
        <location filename="../widgets/datasetmodel.cpp" line="+137"/>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train</source>
        <translation>treino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2 × %3 px · split: %4</source>
        <translation>%1
%2 × %3 px · partição: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
not annotated yet</source>
        <translation>
ainda não anotada</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>
%n box(es): %1</source>
        <translation>
            <numerusform>
%n caixa: %1</numerusform>
            <numerusform>
%n caixas: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
class: %1</source>
        <translation>
classe: %1</translation>
    </message>
</context>
<context>
    <name>visor::DatasetPage</name>
    <message>
        <location filename="../widgets/datasetpage.cpp" line="+53"/>
        <source>Search file names</source>
        <translation>Buscar nomes de arquivo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All splits</source>
        <translation>Todas as partições</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+334"/>
        <source>Train</source>
        <translation>Treino</translation>
    </message>
    <message>
        <location line="-333"/>
        <location line="+334"/>
        <source>Validation</source>
        <translation>Validação</translation>
    </message>
    <message>
        <location line="-333"/>
        <location line="+334"/>
        <source>Test</source>
        <translation>Teste</translation>
    </message>
    <message>
        <location line="-333"/>
        <source>No split</source>
        <translation>Sem partição</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All examples</source>
        <translation>Todos os exemplos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not annotated</source>
        <translation>Não anotados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a health warning</source>
        <translation>Com um alerta de saúde</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>Wrong in the last run</source>
        <translation>Errados na última execução</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>Order added</source>
        <translation>Ordem de inclusão</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name</source>
        <translation>Nome do arquivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort the grid</source>
        <translation>Ordenar a grade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generate…</source>
        <translation>Gerar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add generated examples (shapes, text lines, or a plugin&apos;s generator), with a preview of four samples</source>
        <translation>Adiciona exemplos gerados (formas, linhas de texto ou o gerador de um plugin), com uma prévia de quatro amostras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Propose…</source>
        <translation>Propor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let a trained run predict on examples; its predictions become proposals to accept or reject in the annotator</source>
        <translation>Deixar uma execução treinada prever nos exemplos; as previsões viram propostas para aceitar ou rejeitar no anotador</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classes…</source>
        <translation>Classes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, rename, recolour, reorder or delete classes</source>
        <translation>Adicionar, renomear, mudar a cor, reordenar ou excluir classes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show all</source>
        <translation>Mostrar todos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No images yet. Import a data set (Ctrl+I), or drop image files or a data set folder here.</source>
        <translation>Ainda não há imagens. Importe um conjunto de dados (Ctrl+I) ou solte aqui arquivos de imagem ou uma pasta de conjunto de dados.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Showing the %n example(s) of: %1</source>
        <translation>
            <numerusform>Mostrando %n exemplo de: %1</numerusform>
            <numerusform>Mostrando os %n exemplos de: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Double-click an image (or press Enter) to annotate it</source>
        <translation>Clique duas vezes numa imagem (ou pressione Enter) para anotá-la</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data set grid</source>
        <translation>Grade do dataset</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click</source>
        <translation>Duplo clique</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Open in the annotator</source>
        <translation>Abrir no anotador</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Right-click</source>
        <translation>Clique direito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pin to a split, set the class, delete</source>
        <translation>Fixar em uma divisão, definir a classe, excluir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop files or folders</source>
        <translation>Soltar arquivos ou pastas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import them</source>
        <translation>Importá-los</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the selected examples</source>
        <translation>Excluir os exemplos selecionados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select all</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The statistics cannot be computed: %1</source>
        <translation>As estatísticas não podem ser calculadas: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Wrong in the last run (%1, run %2)</source>
        <translation>Errados na última execução (%1, execução %2)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Annotate</source>
        <translation>Anotar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin to split</source>
        <translation>Fixar na partição</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unpin (automatic split)</source>
        <translation>Desafixar (partição automática)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n example(s) pinned.</source>
        <translation>
            <numerusform>%n exemplo fixado.</numerusform>
            <numerusform>%n exemplos fixados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set class</source>
        <translation>Definir classe</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete %n example(s)…</source>
        <translation>
            <numerusform>Excluir %n exemplo…</numerusform>
            <numerusform>Excluir %n exemplos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete examples</source>
        <translation>Excluir exemplos</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n example(s) and their annotations from the project? This cannot be undone.</source>
        <translation>
            <numerusform>Excluir %n exemplo e as suas anotações do projeto? Não é possível desfazer.</numerusform>
            <numerusform>Excluir %n exemplos e as suas anotações do projeto? Não é possível desfazer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n example(s) deleted.</source>
        <translation>
            <numerusform>%n exemplo excluído.</numerusform>
            <numerusform>%n exemplos excluídos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+89"/>
        <source>All classes</source>
        <translation>Todas as classes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 examples shown</source>
        <translation>%1 de %2 exemplos exibidos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a data set folder</source>
        <translation>Importar uma pasta de dataset</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Detect automatically</source>
        <translation>Detectar automaticamente</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+49"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Format of %1:</source>
        <translation>Formato de %1:</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n arquivo</numerusform>
            <numerusform>%n arquivos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/datasetproposals.cpp" line="+24"/>
        <source>run %1 (%2)</source>
        <translation>execução %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+37"/>
        <source>Propose with model</source>
        <translation>Propor com o modelo</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>No trained run yet: train on the Training page.</source>
        <translation>Nenhuma execução treinada ainda: treine na página Treino.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The examples not annotated yet</source>
        <translation>Os exemplos ainda não anotados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every example</source>
        <translation>Todos os exemplos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The selected examples</source>
        <translation>Os exemplos selecionados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predict on:</source>
        <translation>Prever em:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run %1 is predicting…</source>
        <translation>A execução %1 está prevendo…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Run %1 proposed %2 prediction(s) for %3 example(s)%4</source>
        <translation>A execução %1 propôs %2 previsão(ões) para %3 exemplo(s)%4</translation>
    </message>
    <message>
        <location filename="../widgets/datasetpage.cpp" line="+10"/>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../widgets/datasetproposals.cpp" line="-26"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import cancelled; nothing was kept.</source>
        <translation>Importação cancelada; nada foi mantido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Nothing was imported: %1</source>
        <translation>Nada foi importado: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Imported %n example(s)</source>
        <translation>
            <numerusform>%n exemplo importado</numerusform>
            <numerusform>%n exemplos importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> with %n box(es)</source>
        <translation>
            <numerusform> com %n caixa</numerusform>
            <numerusform> com %n caixas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n image(s) skipped</source>
        <translation>
            <numerusform>; %n imagem ignorada</numerusform>
            <numerusform>; %n imagens ignoradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n duplicate(s).</source>
        <translation>
            <numerusform>, %n duplicata.</numerusform>
            <numerusform>, %n duplicatas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n generated example(s)</source>
        <translation>
            <numerusform>%n exemplo gerado</numerusform>
            <numerusform>%n exemplos gerados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Exported %n example(s) to %1.</source>
        <translation>
            <numerusform>%n exemplo exportado para %1.</numerusform>
            <numerusform>%n exemplos exportados para %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Boxes: %1 skipped, %2 clipped to the image.</source>
        <translation>Caixas: %1 ignorada(s), %2 recortada(s) à imagem.</translation>
    </message>
    <message>
        <location line="-545"/>
        <source>From the edge</source>
        <translation>Da borda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames that visor-edge kept for a look (its feedback folder, imported)</source>
        <translation>Quadros que o visor-edge guardou para revisão (sua pasta de retorno, importada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With proposals</source>
        <translation>Com propostas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples with a model&apos;s predictions not accepted or rejected yet</source>
        <translation>Exemplos com previsões de um modelo ainda não aceitas nem rejeitadas</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import a folder in one of these layouts: %1</source>
        <translation>Importar uma pasta em um destes formatos: %1</translation>
    </message>
    <message>
        <location line="+530"/>
        <source>Import report</source>
        <translation>Relatório da importação</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+15"/>
        <location line="+7"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export into a new folder inside…</source>
        <translation>Exportar para uma nova pasta dentro de…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n example(s) were not exported because their image is missing from the project:
%1</source>
        <translation>
            <numerusform>%n exemplo não foi exportado porque sua imagem falta no projeto:
%1</numerusform>
            <numerusform>%n exemplos não foram exportados porque suas imagens faltam no projeto:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::ExportModelDialog</name>
    <message>
        <location filename="../widgets/exportmodeldialog.cpp" line="+28"/>
        <source>Export the model of run %1</source>
        <translation>Exportar o modelo da execução %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes a bundle for visor-edge and other programs: model.onnx (ONNX, preprocessing and box decoding inside), model.json and README.txt. The export is run with OpenCV on every image of the chosen split and compared with the trained model; it fails if they differ.</source>
        <translation>Escreve um pacote para o visor-edge e outros programas: model.onnx (ONNX, com o pré-processamento e a decodificação das caixas dentro), model.json e README.txt. A exportação é executada com o OpenCV em todas as imagens da divisão escolhida e comparada com o modelo treinado; ela falha se diferirem.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder to export into</source>
        <translation>Pasta para onde exportar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>validation</source>
        <translation>validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>treino</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundle folder (new or empty):</source>
        <translation>Pasta do pacote (nova ou vazia):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parity check on:</source>
        <translation>Verificação de paridade em:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The parity report appears here.</source>
        <translation>O relatório de paridade aparece aqui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting and checking…</source>
        <translation>Exportando e verificando…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Exported&lt;/b&gt; to &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;: the export scores as the trained model.</source>
        <translation>&lt;b&gt;Exportado&lt;/b&gt; para &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;: a exportação pontua como o modelo treinado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b style=&quot;color:#c0392b&quot;&gt;Not exported.&lt;/b&gt; Nothing was written.</source>
        <translation>&lt;b style=&quot;color:#c0392b&quot;&gt;Não exportado.&lt;/b&gt; Nada foi escrito.</translation>
    </message>
</context>
<context>
    <name>visor::GenerateDialog</name>
    <message>
        <location filename="../widgets/generatedialog.cpp" line="+43"/>
        <source>Generate examples</source>
        <translation>Gerar exemplos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generator:</source>
        <translation>Gerador:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Its parameters</source>
        <translation>Seus parâmetros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Four samples, as they will be stored</source>
        <translation>Quatro amostras, como serão guardadas</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Examples to add:</source>
        <translation>Exemplos a adicionar:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same generator, parameters and seed always give the same images.</source>
        <translation>O mesmo gerador, os mesmos parâmetros e a mesma semente sempre dão as mesmas imagens.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Semente:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Generate</source>
        <translation>Gerar</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No generator can fill a %1 project.</source>
        <translation>Nenhum gerador pode preencher um projeto de %1.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1 × %2 px · %3</source>
        <translation>%1 × %2 px · %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 × %2 px · %n box(es): %3</source>
        <translation>
            <numerusform>%1 × %2 px · %n caixa: %3</numerusform>
            <numerusform>%1 × %2 px · %n caixas: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot be rendered: %1</source>
        <translation>não pode ser desenhada: %1</translation>
    </message>
</context>
<context>
    <name>visor::Generator</name>
    <message>
        <location filename="../engine/synth/generator.cpp" line="+40"/>
        <source>parameter shapes.max_objects (%1) is below shapes.min_objects (%2)</source>
        <translation>parâmetro shapes.max_objects (%1) está abaixo de shapes.min_objects (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parameter shapes.max_size (%1) is below shapes.min_size (%2)</source>
        <translation>parâmetro shapes.max_size (%1) está abaixo de shapes.min_size (%2)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>circles, squares, triangles and stars on blurred colour backgrounds, with exact boxes</source>
        <translation>círculos, quadrados, triângulos e estrelas sobre fundos coloridos desfocados, com caixas exatas</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>generator %1 has no parameter &apos;%2&apos;; its parameters: %3</source>
        <translation>o gerador %1 não tem o parâmetro &apos;%2&apos;; seus parâmetros: %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the number of images to generate must be at least 1 (got %1)</source>
        <translation>o número de imagens a gerar deve ser pelo menos 1 (recebido: %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>generator %1 cannot fill a %2 project</source>
        <translation>o gerador %1 não pode preencher um projeto de %2</translation>
    </message>
    <message>
        <location filename="../engine/synth/ocr.cpp" line="+200"/>
        <location line="+130"/>
        <source>generator ocr: no scalable font with digits and Latin letters was found (fontconfig); install fonts-dejavu-core or fonts-liberation2</source>
        <translation>gerador ocr: nenhuma fonte escalável com dígitos e letras latinas foi encontrada (fontconfig); instale fonts-dejavu-core ou fonts-liberation2</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>generator ocr: cannot open the font %1</source>
        <translation>gerador ocr: não é possível abrir a fonte %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>parameter %1 (%2) is below %3 (%4)</source>
        <translation>o parâmetro %1 (%2) está abaixo de %3 (%4)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>lines of characters in the system&apos;s fonts at varied sizes, weights, rotations, spacing and colours over textured backgrounds, one box per character</source>
        <translation>linhas de caracteres nas fontes do sistema, com tamanhos, pesos, rotações, espaçamentos e cores variados sobre fundos texturizados, uma caixa por caractere</translation>
    </message>
</context>
<context>
    <name>visor::HealthPanel</name>
    <message>
        <location filename="../widgets/healthpanel.cpp" line="+44"/>
        <source>box width (px)</source>
        <translation>largura da caixa (px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boxes</source>
        <translation>caixas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a warning to show the examples concerned</source>
        <translation>Clique num alerta para mostrar os exemplos envolvidos</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;Class balance&lt;/b&gt;</source>
        <translation>&lt;b&gt;Balanceamento das classes&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Box sizes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tamanhos das caixas&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Warnings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alertas&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 examples, %2 annotated, %3 not yet; train %4 · validation %5 · test %6</source>
        <translation>%1 exemplos, %2 anotados, %3 ainda não; treino %4 · validação %5 · teste %6</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>images</source>
        <translation>imagens</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>train</source>
        <translation>treino</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation</source>
        <translation>validação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1
Click to show the examples concerned.</source>
        <translation>%1
Clique para mostrar os exemplos envolvidos.</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+118"/>
        <source>objects</source>
        <translation>objetos</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Objects per class</source>
        <translation>Objetos por classe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per class</source>
        <translation>Imagens por classe</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>No warnings: the data set looks healthy.</source>
        <translation>Nenhum alerta: o dataset parece saudável.</translation>
    </message>
</context>
<context>
    <name>visor::HistoryPage</name>
    <message>
        <location filename="../widgets/historypage.cpp" line="+56"/>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test result</source>
        <translation>Resultado no teste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed from the previous run</source>
        <translation>Alterações desde a execução anterior</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rows: true class; columns: predicted class</source>
        <translation>Linhas: classe verdadeira; colunas: classe prevista</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>loss</source>
        <translation>perda</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>recall</source>
        <translation>revocação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>precision (IoU 0.5)</source>
        <translation>precisão (IoU 0,5)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare with:</source>
        <translation>Comparar com:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test metrics</source>
        <translation>Métricas de teste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test images</source>
        <translation>Imagens de teste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export model…</source>
        <translation>Exportar modelo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the selected run&apos;s model as a bundle (ONNX) for visor-edge and other programs, checked against the trained model</source>
        <translation>Escrever o modelo da execução selecionada como um pacote (ONNX) para o visor-edge e outros programas, verificado contra o modelo treinado</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>accuracy %1</source>
        <translation>acurácia %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mAP@0.5 %1 · mAP %2</source>
        <translation>mAP@0.5 %1 · mAP %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(first run)</source>
        <translation>(primeira execução)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no other run</source>
        <translation>nenhuma outra execução</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run %1</source>
        <translation>execução %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No run yet: train on the Training page.</source>
        <translation>Nenhuma execução ainda: treine na página Treinamento.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Run %1&lt;/b&gt; · %2 · best epoch %3 of %4</source>
        <translation>&lt;b&gt;Execução %1&lt;/b&gt; · %2 · melhor época %3 de %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;br&gt;Test accuracy &lt;b&gt;%L1%&lt;/b&gt; on %2 examples — %3</source>
        <translation>&lt;br&gt;Acurácia no teste &lt;b&gt;%L1%&lt;/b&gt; em %2 exemplos — %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;br&gt;Test mAP@0.5 &lt;b&gt;%L1&lt;/b&gt;, mAP@[.5:.95] %L2 on %3 images — %4</source>
        <translation>&lt;br&gt;mAP@0.5 no teste &lt;b&gt;%L1&lt;/b&gt;, mAP@[.5:.95] %L2 em %3 imagens — %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;br&gt;&lt;b&gt;Advice&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;Conselhos&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 (AP %L2)</source>
        <translation>%1 (AP %L2)</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>good (above 90%)</source>
        <translation>boa (acima de 90%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below the 90% that makes a good classifier</source>
        <translation>abaixo dos 90% de um bom classificador</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>good (above 0.6)</source>
        <translation>bom (acima de 0,6)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below the 0.6 that makes a good detector</source>
        <translation>abaixo do 0,6 de um bom detector</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Precision</source>
        <translation>Precisão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>Revocação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP@0.5</source>
        <translation>AP@0.5</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AP@[.5:.95]</source>
        <translation>AP@[.5:.95]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Objects</source>
        <translation>Objetos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detections</source>
        <translation>Detecções</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>run %1 %2</source>
        <translation>execução %1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val_loss</source>
        <translation>val_loss</translation>
    </message>
</context>
<context>
    <name>visor::Import</name>
    <message>
        <location filename="../engine/formats/coco.cpp" line="+45"/>
        <source>COCO file lacks the &apos;%1&apos; array</source>
        <translation>o arquivo COCO não tem o array &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>field &apos;id&apos; is missing or not a number</source>
        <translation>o campo &apos;id&apos; está ausente ou não é um número</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field &apos;file_name&apos; is missing</source>
        <translation>o campo &apos;file_name&apos; está ausente</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: field &apos;image_id&apos; is missing or not a number; annotation skipped</source>
        <translation>%1: o campo &apos;image_id&apos; está ausente ou não é um número; anotação ignorada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: image_id %2 names no imported image; annotation skipped</source>
        <translation>%1: image_id %2 não corresponde a nenhuma imagem importada; anotação ignorada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: field &apos;bbox&apos; must be [x, y, width, height]; annotation skipped</source>
        <translation>%1: o campo &apos;bbox&apos; deve ser [x, y, width, height]; anotação ignorada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: field &apos;category_id&apos; must be an integer, not %2; annotation skipped</source>
        <translation>%1: o campo &apos;category_id&apos; deve ser um inteiro, não %2; anotação ignorada</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: category_id %2 is not declared in &apos;categories&apos;; class &apos;%3&apos; used</source>
        <translation>%1: category_id %2 não está declarado em &apos;categories&apos;; usada a classe &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../engine/project/fileio.cpp" line="+150"/>
        <source>%1 is not empty; write into a new or empty folder</source>
        <translation>%1 não está vazia; escreva numa pasta nova ou vazia</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>cannot create %1: %2</source>
        <translation>não é possível criar %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/formats/exporter.cpp" line="+33"/>
        <source>export needs an explicit format (%1)</source>
        <translation>a exportação precisa de um formato explícito (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>format %1 can be imported but not exported; export to one of: %2</source>
        <translation>o formato %1 pode ser importado, mas não exportado; exporte para um destes: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>format %1 holds %2 data but the project is a %3 project</source>
        <translation>o formato %1 contém dados de %2, mas o projeto é de %3</translation>
    </message>
    <message>
        <location filename="../engine/project/fileio.cpp" line="-26"/>
        <source>cannot create %1</source>
        <translation>não é possível criar %1</translation>
    </message>
    <message>
        <location filename="../engine/formats/exporter.cpp" line="+28"/>
        <source>%1 (example %2): %3 is missing</source>
        <translation>%1 (exemplo %2): %3 está ausente</translation>
    </message>
    <message>
        <location filename="../engine/formats/imagefolder.cpp" line="+23"/>
        <source>image at the top of the folder; put it in a folder named after its class</source>
        <translation>imagem na raiz da pasta; coloque-a numa pasta com o nome da sua classe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>image directly in the split folder &apos;%1&apos;; put it in a class folder inside it</source>
        <translation>imagem diretamente na pasta de partição &apos;%1&apos;; coloque-a numa pasta de classe dentro dela</translation>
    </message>
    <message>
        <location filename="../engine/formats/imageinfo.cpp" line="+219"/>
        <source>empty file</source>
        <translation>arquivo vazio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a supported image (unknown file signature)</source>
        <translation>não é uma imagem suportada (assinatura de arquivo desconhecida)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot decode image: its %1 header is corrupt or truncated</source>
        <translation>não é possível decodificar a imagem: o cabeçalho %1 está corrompido ou truncado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1x%2 pixels is above the limit of %L3 megapixels (import.max_megapixels); not decoded</source>
        <translation>%1x%2 pixels está acima do limite de %L3 megapixels (import.max_megapixels); não decodificada</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>truncated JPEG (no end-of-image marker)</source>
        <translation>JPEG truncado (sem o marcador de fim de imagem)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>corrupt JPEG data: %1</source>
        <translation>dados JPEG corrompidos: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file is also a DICOM file (&quot;DICM&quot; at byte 128); not decoded</source>
        <translation>o arquivo também é um arquivo DICOM (&quot;DICM&quot; no byte 128); não decodificado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot decode image: %1</source>
        <translation>não é possível decodificar a imagem: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot decode image (corrupt or truncated %1)</source>
        <translation>não é possível decodificar a imagem (%1 corrompido ou truncado)</translation>
    </message>
    <message>
        <location filename="../engine/formats/importer.cpp" line="+51"/>
        <source>cannot read image: %1</source>
        <translation>não é possível ler a imagem: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot store image in the project: %1</source>
        <translation>não é possível guardar a imagem no projeto: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the annotation states a %1x%2 image but %3 is %4x%5 as shown</source>
        <translation>a anotação declara uma imagem %1x%2, mas %3 é %4x%5 como exibida</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (its EXIF orientation turns the stored %1x%2 pixels); boxes are taken as shown</source>
        <translation> (a orientação EXIF gira os pixels armazenados %1x%2); as caixas são tomadas como exibidas</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+351"/>
        <source>%1 is not a folder</source>
        <translation>%1 não é uma pasta</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>import cancelled; nothing was added</source>
        <translation>importação cancelada; nada foi adicionado</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>same image as %1; not stored twice</source>
        <translation>mesma imagem que %1; não foi guardada duas vezes</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (its %n box(es) not imported)</source>
        <translation>
            <numerusform> (sua %n caixa não foi importada)</numerusform>
            <numerusform> (suas %n caixas não foram importadas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: coordinates are not finite numbers; box skipped</source>
        <translation>%1: as coordenadas não são números finitos; caixa ignorada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: zero or negative size (%2,%3)-(%4,%5); box skipped</source>
        <translation>%1: tamanho zero ou negativo (%2,%3)-(%4,%5); caixa ignorada</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: entirely outside the %2x%3 image; box skipped</source>
        <translation>%1: inteiramente fora da imagem de %2x%3; caixa ignorada</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: partly outside the %2x%3 image; clipped</source>
        <translation>%1: parcialmente fora da imagem de %2x%3; recortada</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+50"/>
        <source>; nothing was imported</source>
        <translation>; nada foi importado</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>already in the project; not stored twice</source>
        <translation>já está no projeto; não foi guardada duas vezes</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>class &apos;%1&apos; created</source>
        <translation>classe &apos;%1&apos; criada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source folder&apos;s own name &apos;%1&apos; sets the split of its examples: %2</source>
        <translation>o próprio nome da pasta de origem &apos;%1&apos; define a partição dos seus exemplos: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>examples keep the split the data set gives them (pinned: %1 validation, %2 test; &apos;visor-cli pin DIR none ID...&apos; releases them)</source>
        <translation>exemplos mantêm a divisão que o dataset lhes dá (fixados: %1 de validação, %2 de teste; &apos;visor-cli pin DIR none ID...&apos; os libera)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source> (the format was guessed from its files; Visor reads %1)</source>
        <translation> (o formato foi deduzido dos arquivos; o Visor lê %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>none of the %n file(s) is an image Visor can import</source>
        <translation>
            <numerusform>o arquivo não é uma imagem que o Visor possa importar</numerusform>
            <numerusform>nenhum dos %n arquivos é uma imagem que o Visor possa importar</numerusform>
        </translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 is an export that did not finish (killed or failed): its files are incomplete; export again</source>
        <translation>%1 é uma exportação que não terminou (interrompida ou com falha): os arquivos estão incompletos; exporte novamente</translation>
    </message>
    <message numerus="yes">
        <location line="-343"/>
        <source>%1 holds %n image(s) but no annotations Visor reads (it looked for %2)</source>
        <translation>
            <numerusform>%1 contém %n imagem, mas nenhuma anotação que o Visor leia (procurou %2)</numerusform>
            <numerusform>%1 contém %n imagens, mas nenhuma anotação que o Visor leia (procurou %2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no images and no annotation files; it is not a data set (Visor looked for %2)</source>
        <translation>%1 não contém imagens nem arquivos de anotação; não é um conjunto de dados (o Visor procurou %2)</translation>
    </message>
    <message>
        <location line="+352"/>
        <source>%1 holds %2 data but the project is a %3 project</source>
        <translation>%1 contém dados de %2, mas o projeto é de %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no usable item in %1: every item was skipped (see the report)</source>
        <translation>nenhum item utilizável em %1: todos os itens foram ignorados (veja o relatório)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a %2 data set: no annotation or image found</source>
        <translation>%1 não é um dataset %2: nenhuma anotação ou imagem encontrada</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not an image file</source>
        <translation>não é um arquivo de imagem</translation>
    </message>
    <message>
        <location filename="../engine/formats/labelme.cpp" line="+28"/>
        <source>field &apos;shapes&apos; is not a list</source>
        <translation>o campo &apos;shapes&apos; não é uma lista</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no &apos;imagePath&apos; and no &apos;imageData&apos;</source>
        <translation>sem &apos;imagePath&apos; e sem &apos;imageData&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imagePath: %1</source>
        <translation>imagePath: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: shape_type &apos;%2&apos; is not a rectangle; skipped</source>
        <translation>%1: shape_type &apos;%2&apos; não é um retângulo; ignorado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: a rectangle needs &apos;points&apos; [[x1, y1], [x2, y2]]; skipped</source>
        <translation>%1: um retângulo precisa de &apos;points&apos; [[x1, y1], [x2, y2]]; ignorado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &apos;label&apos; must be text, not %2; skipped</source>
        <translation>%1: &apos;label&apos; deve ser texto, não %2; ignorado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: no &apos;label&apos;; skipped</source>
        <translation>%1: sem &apos;label&apos;; ignorado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: points[%2][%3] must be a number, not %4; skipped</source>
        <translation>%1: points[%2][%3] deve ser um número, não %4; ignorado</translation>
    </message>
    <message>
        <location filename="../engine/formats/readcontext.cpp" line="+33"/>
        <source>no image file name given</source>
        <translation>nenhum nome de arquivo de imagem informado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>image path &apos;%1&apos; is absolute; only paths inside the source folder are read</source>
        <translation>o caminho de imagem &apos;%1&apos; é absoluto; só são lidos caminhos dentro da pasta de origem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>image path &apos;%1&apos; leaves the source folder (&apos;..&apos;); not read</source>
        <translation>o caminho de imagem &apos;%1&apos; sai da pasta de origem (&apos;..&apos;); não foi lido</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>image &apos;%1&apos; not found</source>
        <translation>imagem &apos;%1&apos; não encontrada</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>image &apos;%1&apos; links outside the source folder; not read</source>
        <translation>a imagem &apos;%1&apos; aponta para fora da pasta de origem; não foi lida</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a file</source>
        <translation>&apos;%1&apos; não é um arquivo</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>links outside the source folder (to %1); not read</source>
        <translation>aponta para fora da pasta de origem (para %1); não lido</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../engine/formats/voc.cpp" line="+47"/>
        <location filename="../engine/formats/yolo.cpp" line="+170"/>
        <source>cannot read: %1</source>
        <translation>não é possível ler: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>malformed JSON at byte %1: %2</source>
        <translation>JSON malformado no byte %1: %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>cannot copy %1 to %2: %3</source>
        <translation>não é possível copiar %1 para %2: %3</translation>
    </message>
    <message>
        <location filename="../engine/project/fileio.cpp" line="+23"/>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/formats/voc.cpp" line="+9"/>
        <source>not a VOC annotation (root element &lt;%1&gt;)</source>
        <translation>não é uma anotação VOC (elemento raiz &lt;%1&gt;)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;%1&gt; is &apos;%2&apos;, not a number</source>
        <translation>&lt;%1&gt; é &apos;%2&apos;, não um número</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>object %1 has no &lt;name&gt;</source>
        <translation>o objeto %1 não tem &lt;name&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object %1 has no &lt;bndbox&gt;</source>
        <translation>o objeto %1 não tem &lt;bndbox&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object %1: &lt;bndbox&gt; lacks &lt;%2&gt;</source>
        <translation>objeto %1: falta &lt;%2&gt; em &lt;bndbox&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>object %1: %2</source>
        <translation>objeto %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>malformed XML at line %1, column %2: %3</source>
        <translation>XML malformado na linha %1, coluna %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty file or no &lt;annotation&gt; element</source>
        <translation>arquivo vazio ou sem o elemento &lt;annotation&gt;</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+16"/>
        <source>&lt;filename&gt;: %1</source>
        <translation>&lt;filename&gt;: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>no &lt;filename&gt; and no image named like the file</source>
        <translation>sem &lt;filename&gt; e sem imagem com o mesmo nome do arquivo</translation>
    </message>
    <message>
        <location filename="../engine/formats/yolo.cpp" line="-132"/>
        <source>line %1: &apos;names: [&apos; list is not closed on the same line</source>
        <translation>linha %1: a lista &apos;names: [&apos; não é fechada na mesma linha</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+145"/>
        <source>line %1: class index %2 is above the limit of %3 classes</source>
        <translation>linha %1: o índice de classe %2 está acima do limite de %3 classes</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>line %1: &apos;names: {&apos; mapping is not closed on the same line</source>
        <translation>linha %1: o mapeamento &apos;names: {&apos; não é fechado na mesma linha</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>no classes.txt or data.yaml names; classes are named class_0, class_1, ...</source>
        <translation>sem classes.txt nem names em data.yaml; as classes se chamam class_0, class_1, ...</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>no label file; imported as unlabelled</source>
        <translation>sem arquivo de rótulos; importada sem anotação</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>line %1: expected &apos;class cx cy w h&apos; (5 fields), found %2</source>
        <translation>linha %1: esperado &apos;class cx cy w h&apos; (5 campos), encontrados %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1: class &apos;%2&apos; is not a non-negative integer</source>
        <translation>linha %1: a classe &apos;%2&apos; não é um inteiro não negativo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>line %1: field %2 &apos;%3&apos; is not a number</source>
        <translation>linha %1: o campo %2 &apos;%3&apos; não é um número</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>line %1: class %2 is beyond the %3 named classes; class &apos;%4&apos; used</source>
        <translation>linha %1: a classe %2 está além das %3 classes nomeadas; usada a classe &apos;%4&apos;</translation>
    </message>
    <message>
        <location filename="../engine/formats/formatregistry.cpp" line="+97"/>
        <source>COCO .json files</source>
        <translation>arquivos .json do COCO</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pascal VOC .xml files</source>
        <translation>arquivos .xml do Pascal VOC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YOLO label .txt files with data.yaml or classes.txt</source>
        <translation>arquivos de rótulos .txt do YOLO com data.yaml ou classes.txt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LabelMe .json files</source>
        <translation>arquivos .json do LabelMe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>image folders named after classes</source>
        <translation>pastas de imagens com os nomes das classes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>visor-edge feedback frames (.jpg with .json)</source>
        <translation>quadros de retorno do visor-edge (.jpg com .json)</translation>
    </message>
    <message>
        <location filename="../engine/formats/edgefeedback.cpp" line="+35"/>
        <source>holds %1 predictions but the project is a %2 project</source>
        <translation>contém previsões de %1, mas o projeto é um projeto de %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>image: %1</source>
        <translation>imagem: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>prediction %1: no box or class; left out</source>
        <translation>previsão %1: sem caixa ou classe; deixada de fora</translation>
    </message>
</context>
<context>
    <name>visor::Inference</name>
    <message>
        <location filename="../engine/train/inference.cpp" line="+32"/>
        <source>no run %1 in %2</source>
        <translation>não há execução %1 em %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 has no model description (%2)</source>
        <translation>a execução %1 não tem descrição do modelo (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run %1 has no saved model yet</source>
        <translation>a execução %1 ainda não tem modelo salvo</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1; used %2 instead</source>
        <translation>%1; usado %2 em seu lugar</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>cannot read image %1</source>
        <translation>não é possível ler a imagem %1</translation>
    </message>
</context>
<context>
    <name>visor::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+55"/>
        <source>Welcome</source>
        <translation>Boas-vindas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augmentation</source>
        <translation>Expansão de dados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results &amp; History</source>
        <translation>Resultados e histórico</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>&amp;Novo projeto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open project…</source>
        <translation>A&amp;brir projeto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo project</source>
        <translation>Abrir o projeto de &amp;demonstração</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import data set…</source>
        <translation>&amp;Importar dataset…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export data set…</source>
        <translation>&amp;Exportar dataset…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language applies when Visor starts again.</source>
        <translation>O novo idioma vale a partir da próxima vez que o Visor for iniciado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Welcome</source>
        <translation>&amp;Boas-vindas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Data set</source>
        <translation>&amp;Dataset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Augmentation</source>
        <translation>&amp;Expansão de dados</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <source>&amp;Training</source>
        <translation>&amp;Treinamento</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>&amp;Results &amp;&amp; History</source>
        <translation>&amp;Resultados e histórico</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Health panel</source>
        <translation>Painel de &amp;saúde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the data set&apos;s health beside the grid and the annotator; hidden, the annotator takes the page</source>
        <translation>Mostra a saúde do dataset ao lado da grade e do anotador; oculto, o anotador ocupa a página</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;uggest settings…</source>
        <translation>S&amp;ugerir configurações…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Resume last run</source>
        <translation>&amp;Retomar a última execução</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Visor</source>
        <translation>&amp;Sobre o Visor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Visor</source>
        <translation>Sobre o Visor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Visor %1&lt;/b&gt;&lt;br&gt;A workbench for building computer-vision models from your own images. Runs offline on this workstation.</source>
        <translation>&lt;b&gt;Visor %1&lt;/b&gt;&lt;br&gt;Uma bancada para criar modelos de visão computacional com as suas próprias imagens. Funciona sem internet, nesta estação de trabalho.</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+29"/>
        <source>New project</source>
        <translation>Novo projeto</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+7"/>
        <source>Open project</source>
        <translation>Abrir projeto</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancel the training run first.</source>
        <translation>Cancele primeiro a execução de treinamento.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be opened: %2</source>
        <translation>Não é possível abrir %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opened %1</source>
        <translation>%1 aberto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Creating the demo project…</source>
        <translation>Criando o projeto de demonstração…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo project</source>
        <translation>Projeto de demonstração</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>My project</source>
        <translation>Meu projeto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object detection (boxes with a class)</source>
        <translation>Detecção de objetos (caixas com uma classe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification (one class per image)</source>
        <translation>Classificação (uma classe por imagem)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent folder</source>
        <translation>Pasta de destino</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inside folder:</source>
        <translation>Dentro da pasta:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open a project folder</source>
        <translation>Abrir uma pasta de projeto</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No recent project yet.</source>
        <translation>Nenhum projeto recente ainda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear the list</source>
        <translation>Limpar a lista</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;h3&gt;No project is open&lt;/h3&gt;&lt;p&gt;Create a project for your images, open one, or try the demo project of generated shapes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nenhum projeto aberto&lt;/h3&gt;&lt;p&gt;Crie um projeto para suas imagens, abra um, ou experimente o projeto de demonstração com formas geradas.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New project…</source>
        <translation>Novo projeto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open project…</source>
        <translation>Abrir projeto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo project</source>
        <translation>Abrir o projeto de demonstração</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 — Visor</source>
        <translation>%1 — Visor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visor</source>
        <translation>Visor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A training run is in progress. Cancel it and quit? Its last checkpoint is kept.</source>
        <translation>Há uma execução de treinamento em andamento. Cancelá-la e sair? O último checkpoint é mantido.</translation>
    </message>
</context>
<context>
    <name>visor::ModelExport</name>
    <message>
        <location filename="../engine/train/modelexport.cpp" line="+134"/>
        <source>export cancelled</source>
        <translation>exportação cancelada</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>the %1 split has no labelled image that could be read; choose another split</source>
        <translation>a divisão %1 não tem imagem anotada que possa ser lida; escolha outra divisão</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>output %1 differs by up to %2 (tolerance %3)</source>
        <translation>a saída %1 difere em até %2 (tolerância %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the metric differs: LibTorch %1, ONNX %2 (tolerance %3)</source>
        <translation>a métrica difere: LibTorch %1, ONNX %2 (tolerância %3)</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>--format %1: models are exported as %2</source>
        <translation>--format %1: os modelos são exportados como %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--input %1x%2: the canvas must be 8 to 4096 pixels a side%3</source>
        <translation>--input %1x%2: a tela de entrada deve ter de 8 a 4096 pixels de lado%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, in multiples of 32 for a detector</source>
        <translation>, em múltiplos de 32 para um detector</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>run %1 cannot be exported: %2</source>
        <translation>a execução %1 não pode ser exportada: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the exported model of run %1 does not score as the trained one:
%2</source>
        <translation>o modelo exportado da execução %1 não pontua como o treinado:
%2</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Parity on %n image(s) (OpenCV dnn against LibTorch):</source>
        <translation>
            <numerusform>Paridade em %n imagem (OpenCV dnn contra LibTorch):</numerusform>
            <numerusform>Paridade em %n imagens (OpenCV dnn contra LibTorch):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  largest difference of outputs: %1</source>
        <translation>  maior diferença das saídas: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  mAP@0.5 %1 / %2, mAP@[.5:.95] %3 / %4 (LibTorch / ONNX)</source>
        <translation>  mAP@0.5 %1 / %2, mAP@[.5:.95] %3 / %4 (LibTorch / ONNX)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  images whose boxes differ (IoU 0.99): %1</source>
        <translation>  imagens cujas caixas diferem (IoU 0,99): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  accuracy %1 / %2 (LibTorch / ONNX)</source>
        <translation>  acurácia %1 / %2 (LibTorch / ONNX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  images classified differently: %1</source>
        <translation>  imagens classificadas de forma diferente: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1 ms per image with LibTorch, %2 ms with the export</source>
        <translation>  %1 ms por imagem com o LibTorch, %2 ms com a exportação</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  left out (unreadable): %1</source>
        <translation>  deixadas de fora (ilegíveis): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  equal within the tolerances (outputs %1, metric %2)</source>
        <translation>  iguais dentro das tolerâncias (saídas %1, métrica %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  NOT EQUAL: %1</source>
        <translation>  NÃO IGUAIS: %1</translation>
    </message>
</context>
<context>
    <name>visor::Networks</name>
    <message>
        <location filename="../engine/nn/networks.cpp" line="+61"/>
        <source>%1: &apos;%2&apos; is not a %3 network; known: %4</source>
        <translation>%1: &apos;%2&apos; não é uma rede de %3; conhecidas: %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Convolution stages with batch normalisation and max pooling, global average pooling, a linear layer</source>
        <translation>Estágios de convolução com normalização em lote e max pooling, pooling médio global, uma camada linear</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Single-stage anchor-based detector (RetinaNet): a backbone, a feature pyramid, a shared head</source>
        <translation>Detector de estágio único baseado em âncoras (RetinaNet): um backbone, uma pirâmide de características, uma cabeça compartilhada</translation>
    </message>
</context>
<context>
    <name>visor::ParameterEditor</name>
    <message>
        <location filename="../widgets/parametereditor.cpp" line="+27"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input resolution</source>
        <translation>Resolução de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer (Adam)</source>
        <translation>Otimizador (Adam)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping</source>
        <translation>Parada antecipada (early stopping)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduce learning rate on plateau</source>
        <translation>Reduzir a taxa de aprendizagem no platô</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (classification)</source>
        <translation>Rede (classificação)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (object detection)</source>
        <translation>Rede (detecção de objetos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anchors</source>
        <translation>Âncoras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data augmentation</source>
        <translation>Expansão de dados (Data Augmentation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health checks</source>
        <translation>Verificações de saúde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splits</source>
        <translation>Partições</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;%2&lt;/code&gt;)&lt;br&gt;Allowed: %3&lt;br&gt;Default: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;%2&lt;/code&gt;)&lt;br&gt;Permitido: %3&lt;br&gt;Padrão: %4</translation>
    </message>
</context>
<context>
    <name>visor::ParameterRegistry</name>
    <message>
        <location filename="../engine/project/parameters.cpp" line="+257"/>
        <source>int %1</source>
        <translation>inteiro %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number %1</source>
        <translation>número %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bool</source>
        <translation>booleano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choice %1</source>
        <translation>opção entre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>range pair within %1</source>
        <translation>intervalo (par de valores) dentro de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list of positive int</source>
        <translation>lista de inteiros positivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list of positive number</source>
        <translation>lista de números positivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list of %1</source>
        <translation>lista de %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>unknown parameter &apos;%1&apos;</source>
        <translation>parâmetro desconhecido &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>parameter %1: %2 (allowed: %3)</source>
        <translation>parâmetro %1: %2 (permitido: %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>value is not a finite number</source>
        <translation>o valor não é um número finito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is below the minimum %2</source>
        <translation>%1 está abaixo do mínimo %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is above the maximum %2</source>
        <translation>%1 está acima do máximo %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be below %2</source>
        <translation>%1 deve ser menor que %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected an integer</source>
        <translation>esperado um inteiro</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+41"/>
        <source>%1 is not an integer</source>
        <translation>%1 não é um inteiro</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1 is above the largest integer, %2</source>
        <translation>%1 está acima do maior inteiro, %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>expected a number</source>
        <translation>esperado um número</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>expected true or false</source>
        <translation>esperado true ou false</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a name</source>
        <translation>esperado um nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>&apos;%1&apos; is not one of the choices</source>
        <translation>&apos;%1&apos; não é uma das opções</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>expected a pair lo..hi</source>
        <translation>esperado um par mín..máx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lower end %1 is above upper end %2</source>
        <translation>o limite inferior %1 está acima do limite superior %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a non-empty list</source>
        <translation>esperada uma lista não vazia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every item must be a positive number</source>
        <translation>todo item deve ser um número positivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a list</source>
        <translation>esperada uma lista</translation>
    </message>
</context>
<context>
    <name>visor::Parameters</name>
    <message>
        <location line="-298"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per epoch</source>
        <translation>Passos por época</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation fraction</source>
        <translation>Fração de validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test fraction</source>
        <translation>Fração de teste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence threshold</source>
        <translation>Limiar de confiança</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NMS IoU threshold</source>
        <translation>Limiar de IoU da NMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum boxes per image</source>
        <translation>Máximo de caixas por imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box expansion</source>
        <translation>Expansão das caixas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorter side</source>
        <translation>Lado menor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longer side limit</source>
        <translation>Limite do lado maior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Canais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>Taxa de aprendizagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta 1</source>
        <translation>Beta 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta 2</source>
        <translation>Beta 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Patience</source>
        <translation>Paciência</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>Monitored quantity</source>
        <translation>Grandeza monitorada</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+6"/>
        <source>Minimum change</source>
        <translation>Variação mínima</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+11"/>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Factor</source>
        <translation>Fator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooldown (epochs)</source>
        <translation>Espera após redução (épocas)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+11"/>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Depth</source>
        <translation>Profundidade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Largura</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Preprocessing</source>
        <translation>Pré-processamento</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Loss</source>
        <translation>Função de perda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head width</source>
        <translation>Largura da cabeça</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negative IoU</source>
        <translation>IoU negativo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positive IoU</source>
        <translation>IoU positivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anchor sizes</source>
        <translation>Tamanhos das âncoras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anchor strides</source>
        <translation>Strides das âncoras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anchor ratios</source>
        <translation>Proporções das âncoras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anchor scales</source>
        <translation>Escalas das âncoras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interpolation</source>
        <translation>Interpolação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill mode</source>
        <translation>Modo de preenchimento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Border value</source>
        <translation>Valor da borda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate probability</source>
        <translation>Probabilidade de rotação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotation (degrees)</source>
        <translation>Rotação (graus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enlarge canvas</source>
        <translation>Ampliar a área da imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translate probability</source>
        <translation>Probabilidade de translação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Horizontal shift</source>
        <translation>Deslocamento horizontal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertical shift</source>
        <translation>Deslocamento vertical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shear probability</source>
        <translation>Probabilidade de cisalhamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shear (degrees)</source>
        <translation>Cisalhamento (graus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale probability</source>
        <translation>Probabilidade de escala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale factor</source>
        <translation>Fator de escala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Horizontal flip probability</source>
        <translation>Probabilidade de espelhamento horizontal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertical flip probability</source>
        <translation>Probabilidade de espelhamento vertical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast probability</source>
        <translation>Probabilidade de contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast factor</source>
        <translation>Fator de contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightness probability</source>
        <translation>Probabilidade de brilho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brightness delta</source>
        <translation>Variação de brilho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gamma probability</source>
        <translation>Probabilidade de gama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gamma</source>
        <translation>Gama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation probability</source>
        <translation>Probabilidade de saturação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saturation factor</source>
        <translation>Fator de saturação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hue probability</source>
        <translation>Probabilidade de matiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hue shift</source>
        <translation>Deslocamento de matiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise probability</source>
        <translation>Probabilidade de ruído</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise method</source>
        <translation>Tipo de ruído</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur probability</source>
        <translation>Probabilidade de desfoque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur kernel</source>
        <translation>Núcleo do desfoque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class balance</source>
        <translation>Equilíbrio das classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit (minutes)</source>
        <translation>Limite de tempo (minutos)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Largest image to import (megapixels)</source>
        <translation>Maior imagem a importar (megapixels)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imbalance warning ratio</source>
        <translation>Razão para alerta de desbalanceamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smallest box side after resizing (px)</source>
        <translation>Menor lado de caixa após o redimensionamento (px)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest box share of the image</source>
        <translation>Maior fração da imagem ocupada por uma caixa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near-duplicate distance (bits of 64)</source>
        <translation>Distância de quase-duplicata (bits de 64)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hamming distance between the 64-bit difference hashes of two images</source>
        <translation>Distância de Hamming entre os hashes de diferença de 64 bits de duas imagens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none: examples as they come; sampling: examples of rare classes are drawn more often; loss_weights: each class&apos;s loss is weighted by its inverse frequency</source>
        <translation>none: exemplos como vêm; sampling: exemplos de classes raras são sorteados com mais frequência; loss_weights: a perda de cada classe é ponderada pelo inverso da sua frequência</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an image with more pixels is refused from its header, before it is decoded (a 30000x30000 image would take 2.7 GB of memory); 1000 at most, the limit of the image decoders</source>
        <translation>uma imagem com mais pixels é recusada pelo cabeçalho, antes de ser decodificada (uma imagem de 30000x30000 ocuparia 2,7 GB de memória); no máximo 1000, o limite dos decodificadores de imagem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0: none; otherwise no epoch starts unless it and the final test are predicted to end within it</source>
        <translation>0: nenhum; caso contrário, nenhuma época começa a menos que ela e o teste final devam terminar dentro dele</translation>
    </message>
    <message>
        <location filename="../engine/synth/ocr.cpp" line="+5"/>
        <source>Image width</source>
        <translation>Largura da imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image height</source>
        <translation>Altura da imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest characters per line</source>
        <translation>Menos caracteres por linha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most characters per line</source>
        <translation>Mais caracteres por linha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest font size (px)</source>
        <translation>Menor tamanho de fonte (px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest font size (px)</source>
        <translation>Maior tamanho de fonte (px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest rotation (degrees)</source>
        <translation>Maior rotação (graus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur (0 none, 100 strongest)</source>
        <translation>Desfoque (0 nenhum, 100 o mais forte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest noise (grey levels)</source>
        <translation>Maior ruído (níveis de cinza)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fonts (held_out: those training leaves out)</source>
        <translation>Fontes (held_out: as que o treino deixa de fora)</translation>
    </message>
</context>
<context>
    <name>visor::Plugins</name>
    <message>
        <location filename="../engine/plugins/pluginloader.cpp" line="+83"/>
        <source>%1 is not a Visor plugin: %2</source>
        <translation>%1 não é um plugin do Visor: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a Visor plugin (its interface is &apos;%2&apos;)</source>
        <translation>%1 não é um plugin do Visor (sua interface é &apos;%2&apos;)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was built for Visor plugin interface %2; this Visor has interface %3: rebuild it against this version&apos;s visor-dev</source>
        <translation>%1 foi compilado para a interface de plugins %2 do Visor; este Visor tem a interface %3: recompile-o com o visor-dev desta versão</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be loaded: %2</source>
        <translation>%1 não pode ser carregado: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 declares the Visor plugin interface, but its object does not implement it</source>
        <translation>%1 declara a interface de plugins do Visor, mas seu objeto não a implementa</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an unknown exception</source>
        <translation>uma exceção desconhecida</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed while registering its parts and was skipped: %2</source>
        <translation>%1 falhou ao registrar suas partes e foi ignorado: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(taken back: %1)</source>
        <translation>(desfeito: %1)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 could not be loaded</source>
        <translation>%1 não pôde ser carregado</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Plugin folders, in the order searched:</source>
        <translation>Pastas de plugins, na ordem de busca:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(absent)</source>
        <translation>(ausente)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plugins found.</source>
        <translation>Nenhum plugin encontrado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>loaded; registered: %1</source>
        <translation>carregado; registrou: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused: %1</source>
        <translation>recusado: %1</translation>
    </message>
</context>
<context>
    <name>visor::PluginsDialog</name>
    <message>
        <location filename="../widgets/pluginsdialog.cpp" line="+15"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (absent)</source>
        <translation>%1 (ausente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visor looks for plugins (*.so) in these folders, in this order:&lt;br&gt;%1</source>
        <translation>O Visor procura plugins (*.so) nestas pastas, nesta ordem:&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered, or why it was refused</source>
        <translation>O que registrou, ou por que foi recusado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>loaded</source>
        <translation>carregado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation>recusado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No plugins found.</source>
        <translation>Nenhum plugin encontrado.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Registered: %1</source>
        <translation>Registrou: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1</source>
        <translation>Recusado: %1</translation>
    </message>
</context>
<context>
    <name>visor::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+19"/>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System language (%1)</source>
        <translation>Idioma do sistema (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numbers and dates: %1, %2 (%3)</source>
        <translation>Números e datas: %1, %2 (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Numbers and dates follow the system&apos;s regional settings.</source>
        <translation>Números e datas seguem as configurações regionais do sistema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formats:</source>
        <translation>Formatos:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The new language applies when Visor starts again.</source>
        <translation>O novo idioma vale a partir da próxima vez que o Visor for iniciado.</translation>
    </message>
</context>
<context>
    <name>visor::Project</name>
    <message>
        <location filename="../engine/project/project.cpp" line="+130"/>
        <location line="+234"/>
        <source>a project needs a name</source>
        <translation>um projeto precisa de um nome</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>%1 already holds a project</source>
        <translation>%1 já contém um projeto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the folder %1</source>
        <translation>não é possível criar a pasta %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+94"/>
        <source>%1 is not a Visor project: %2; it was left untouched</source>
        <translation>%1 não é um projeto do Visor: %2; foi deixado intacto</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not an SQLite database</source>
        <translation>não é um banco de dados SQLite</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is not a Visor project (no %2)</source>
        <translation>%1 não é um projeto do Visor (não há %2)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>o driver SQLite do Qt (QSQLITE) não está instalado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot open %1: %2</source>
        <translation>não é possível abrir %1: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>an SQLite database without Visor&apos;s schema</source>
        <translation>um banco de dados SQLite sem o esquema do Visor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was written by a newer Visor (schema version %2; this build knows %3); it was left untouched</source>
        <translation>%1 foi gravado por um Visor mais novo (versão de esquema %2; esta versão conhece %3); foi deixado intacto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an SQLite database without Visor&apos;s tables</source>
        <translation>um banco de dados SQLite sem as tabelas do Visor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 needs an upgrade to schema version %2, which a read-only project cannot get</source>
        <translation>%1 precisa ser atualizado para a versão de esquema %2, o que um projeto somente leitura não pode receber</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: schema version mismatch</source>
        <translation>%1: versão do esquema incompatível</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the disk holding %1 is full: free some space to change the project (reading it works)</source>
        <translation>o disco que contém %1 está cheio: libere espaço para alterar o projeto (a leitura funciona)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 has no project record</source>
        <translation>%1 não tem registro de projeto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: unknown data set kind &apos;%2&apos;</source>
        <translation>%1: tipo de dataset desconhecido &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>cannot flush the images in %1 to disk: %2</source>
        <translation>não é possível gravar as imagens de %1 no disco: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+174"/>
        <source>class &apos;%1&apos; is used by %n annotation(s); delete them too or relabel them first</source>
        <translation>
            <numerusform>a classe &apos;%1&apos; é usada por %n anotação; exclua-a também ou mude sua classe antes</numerusform>
            <numerusform>a classe &apos;%1&apos; é usada por %n anotações; exclua-as também ou mude sua classe antes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../engine/project/fileio.cpp" line="-149"/>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/project/project.cpp" line="-97"/>
        <source>no class with id %1</source>
        <translation>não há classe com id %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+20"/>
        <source>a class needs a name</source>
        <translation>uma classe precisa de um nome</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+15"/>
        <location line="+20"/>
        <source>a class named &apos;%1&apos; already exists</source>
        <translation>já existe uma classe chamada &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../engine/project/projectexamples.cpp" line="+121"/>
        <source>no example with id %1</source>
        <translation>não há exemplo com id %1</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>no box with id %1</source>
        <translation>não há caixa com id %1</translation>
    </message>
</context>
<context>
    <name>visor::Proposals</name>
    <message>
        <location filename="../engine/project/proposals.cpp" line="+95"/>
        <source>no proposal %1 (accepted or rejected already)</source>
        <translation>nenhuma proposta %1 (já aceita ou rejeitada)</translation>
    </message>
</context>
<context>
    <name>visor::Propose</name>
    <message>
        <location filename="../engine/train/propose.cpp" line="+24"/>
        <source>no example %1</source>
        <translation>nenhum exemplo %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cancelled; no proposal stored</source>
        <translation>cancelado; nenhuma proposta guardada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (example %2): %3</source>
        <translation>%1 (exemplo %2): %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>class &apos;%1&apos; of the run is no longer in the project: its predictions were left out</source>
        <translation>a classe &apos;%1&apos; da execução já não está no projeto: as suas previsões foram deixadas de fora</translation>
    </message>
</context>
<context>
    <name>visor::Registry</name>
    <message>
        <location filename="../engine/formats/formatregistry.cpp" line="+20"/>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <location filename="../engine/project/registry.h" line="+51"/>
        <source>unknown %1 &apos;%2&apos;; known: %3</source>
        <translation>%1 desconhecido: &apos;%2&apos;; conhecidos: %3</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a %1 cannot be registered without a name</source>
        <translation>não é possível registrar um %1 sem nome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a %1 named &apos;%2&apos; is already registered</source>
        <translation>já existe um %1 registrado com o nome &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../engine/synth/generator.cpp" line="-37"/>
        <source>generator</source>
        <translation>gerador</translation>
    </message>
    <message>
        <location filename="../engine/nn/backbones.cpp" line="+23"/>
        <source>backbone</source>
        <translation>backbone</translation>
    </message>
    <message>
        <location filename="../engine/nn/networks.cpp" line="+68"/>
        <source>network component</source>
        <translation>componente de rede</translation>
    </message>
</context>
<context>
    <name>visor::ResultsGallery</name>
    <message>
        <location filename="../widgets/resultsgallery.cpp" line="+90"/>
        <source>Double-click to open the image in the annotator, with the predictions shown; next and previous step through the errors.</source>
        <translation>Duplo clique para abrir a imagem no anotador, com as previsões; anterior e próxima percorrem os erros.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Errors only</source>
        <translation>Somente erros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Least confident first</source>
        <translation>Menor confiança primeiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most confident first</source>
        <translation>Maior confiança primeiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name</source>
        <translation>Nome do arquivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+365"/>
        <source>Accept predictions as annotations</source>
        <translation>Aceitar as previsões como anotações</translation>
    </message>
    <message>
        <location line="-364"/>
        <source>Adds the selected image&apos;s predictions that match no annotated object as boxes; check them in the annotator</source>
        <translation>Adiciona como caixas as previsões da imagem selecionada que não correspondem a nenhum objeto anotado; confira-as no anotador</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Predictions at or above this confidence count as the model&apos;s answer</source>
        <translation>Previsões com esta confiança ou mais contam como a resposta do modelo</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>%L1 (best F1 at %L2)</source>
        <translation>%L1 (melhor F1 em %L2)</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Confidence threshold:</source>
        <translation>Limiar de confiança:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; annotated object &amp;nbsp; &lt;span style=&quot;color:%2&quot;&gt;■&lt;/span&gt; right prediction &amp;nbsp; &lt;span style=&quot;color:%3&quot;&gt;■&lt;/span&gt; wrong prediction (dashed)</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; objeto anotado &amp;nbsp; &lt;span style=&quot;color:%2&quot;&gt;■&lt;/span&gt; previsão certa &amp;nbsp; &lt;span style=&quot;color:%3&quot;&gt;■&lt;/span&gt; previsão errada (tracejada)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Reading the test predictions of run %1…</source>
        <translation>Lendo as previsões de teste da execução %1…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>run %1 does not exist</source>
        <translation>a execução %1 não existe</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>This run was trained before Visor stored its test predictions: they were computed now by the same evaluation and stored.</source>
        <translation>Esta execução foi treinada antes de o Visor guardar suas previsões de teste: elas foram calculadas agora pela mesma avaliação e guardadas.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 wrong, %2 missed</source>
        <translation>%1 erradas, %2 não detectadas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, predicted %2 (%L3)</source>
        <translation>%1, previsto %2 (%L3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>The run&apos;s predictions cannot be shown: %1</source>
        <translation>Não é possível mostrar as previsões da execução: %1</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 of %2 test images have errors at confidence %L3; %4 shown. The run reports predictions from %L5 (train.confidence_threshold).</source>
        <translation>%1 de %2 imagens de teste têm erros na confiança %L3; %4 mostradas. A execução relata previsões a partir de %L5 (train.confidence_threshold).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 test images are misclassified; %3 shown.</source>
        <translation>%1 de %2 imagens de teste estão classificadas errado; %3 exibidas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run %1 has no test images.</source>
        <translation>A execução %1 não tem imagens de teste.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Accept %n prediction(s) as annotations</source>
        <translation>
            <numerusform>Aceitar %n previsão como anotação</numerusform>
            <numerusform>Aceitar %n previsões como anotações</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n prediction(s) of %1 added as annotations; check them in the annotator.</source>
        <translation>
            <numerusform>%n previsão de %1 adicionada como anotação; confira-a no anotador.</numerusform>
            <numerusform>%n previsões de %1 adicionadas como anotações; confira-as no anotador.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::RunAdvice</name>
    <message>
        <location filename="../engine/advise/runadvice.cpp" line="+27"/>
        <source>Still learning at the end: the loss fell from %1 to %2 over the last 3 epochs (%3% an epoch). Train longer: more epochs or a larger time budget.</source>
        <translation>Ainda aprendendo no fim: a perda caiu de %1 para %2 nas últimas 3 épocas (%3% por época). Treine por mais tempo: mais épocas ou um orçamento de tempo maior.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Over-fitted from epoch %1: validation loss rose while training loss fell. Add examples (30–50 like the ones it gets wrong), strengthen augmentation; the best checkpoint (before the rise) is the one kept.</source>
        <translation>Sobreajuste a partir da época %1: a perda de validação subiu enquanto a perda de treinamento caía. Adicione exemplos (30–50 como os que ele erra), reforce a expansão de dados; o melhor checkpoint (antes da subida) é o que fica guardado.</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Unstable: in the first epochs the loss rose %1% above the first epoch&apos;s and changed direction sharply %n time(s). Lower optimizer.learning_rate, e.g. from %3 to %4.</source>
        <translation>
            <numerusform>Instável: nas primeiras épocas a perda subiu %1% acima da primeira época e mudou de direção bruscamente %n vez. Reduza optimizer.learning_rate, por exemplo de %3 para %4.</numerusform>
            <numerusform>Instável: nas primeiras épocas a perda subiu %1% acima da primeira época e mudou de direção bruscamente %n vezes. Reduza optimizer.learning_rate, por exemplo de %3 para %4.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Class &apos;%1&apos; is far below the others: AP@0.5 %2 against a median of %3. Add 30–50 examples of &apos;%1&apos;, like those it misses.</source>
        <translation>A classe &apos;%1&apos; está muito abaixo das outras: AP@0.5 %2 contra uma mediana de %3. Adicione 30–50 exemplos de &apos;%1&apos;, como os que ele deixa passar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class &apos;%1&apos; is far below the others: recall %2 against a median of %3. Add 30–50 examples of &apos;%1&apos;, like those it misses.</source>
        <translation>A classe &apos;%1&apos; está muito abaixo das outras: revocação %2 contra uma mediana de %3. Adicione 30–50 exemplos de &apos;%1&apos;, como os que ele deixa passar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Test mAP@0.5 %1: above the %2 of a good detector.</source>
        <translation>mAP@0.5 de teste %1: acima do %2 de um bom detector.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test mAP@0.5 %1: below the %2 of a good detector.</source>
        <translation>mAP@0.5 de teste %1: abaixo do %2 de um bom detector.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test accuracy %1%: above the %2% of a good classifier.</source>
        <translation>Acurácia de teste %1%: acima dos %2% de um bom classificador.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test accuracy %1%: below the %2% of a good classifier.</source>
        <translation>Acurácia de teste %1%: abaixo dos %2% de um bom classificador.</translation>
    </message>
</context>
<context>
    <name>visor::RunStatus</name>
    <message>
        <location filename="../widgets/runstatus.cpp" line="+15"/>
        <source>running</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped early</source>
        <translation>parada antecipada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time limit reached</source>
        <translation>limite de tempo atingido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>interrompida</translation>
    </message>
</context>
<context>
    <name>visor::Runtime</name>
    <message>
        <location filename="../engine/export/runtime.cpp" line="+129"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: não pode ser lido: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: not a model OpenCV can read (%2)</source>
        <translation>%1: não é um modelo que o OpenCV consiga ler (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: holds no network</source>
        <translation>%1: não contém nenhuma rede</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: OpenCV could not run it (%2)</source>
        <translation>%1: o OpenCV não conseguiu executá-lo (%2)</translation>
    </message>
</context>
<context>
    <name>visor::Shortcuts</name>
    <message>
        <location filename="../widgets/shortcuts.cpp" line="+57"/>
        <source>Everywhere</source>
        <translation>Em toda parte</translation>
    </message>
</context>
<context>
    <name>visor::Statistics</name>
    <message numerus="yes">
        <location filename="../engine/project/statistics.cpp" line="+189"/>
        <source>%n example(s) have lost their image file in images/ (%2%3): training, evaluation and export leave them out; restore the files or delete the examples.</source>
        <translation>
            <numerusform>%n exemplo perdeu seu arquivo de imagem em images/ (%2%3): treinamento, avaliação e exportação o deixam de fora; restaure o arquivo ou exclua o exemplo.</numerusform>
            <numerusform>%n exemplos perderam seus arquivos de imagem em images/ (%2%3): treinamento, avaliação e exportação os deixam de fora; restaure os arquivos ou exclua os exemplos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Training needs at least %1 annotated examples; this data set has %2, so %3 more are needed (about 300 give good results, about 1000 suit production).</source>
        <translation>O treinamento precisa de pelo menos %1 exemplos anotados; este dataset tem %2, então faltam %3 (cerca de 300 dão bons resultados, cerca de 1000 servem para produção).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The %1 split holds no annotated example (the imported data named only other splits). Run &apos;visor-cli split --fill&apos; to fill it from the training split, or pin examples to it.</source>
        <translation>A partição de %1 não tem nenhum exemplo anotado (os dados importados citavam apenas outras partições). Execute &apos;visor-cli split --fill&apos; para preenchê-la a partir da partição de treinamento, ou fixe exemplos nela.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation</source>
        <translation>validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Class &apos;%1&apos; has no examples.</source>
        <translation>A classe &apos;%1&apos; não tem exemplos.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Class &apos;%1&apos; has %n example(s) but none in the training split; the model cannot learn it.</source>
        <translation>
            <numerusform>A classe &apos;%1&apos; tem %n exemplo mas nenhum na divisão de treino; o modelo não pode aprendê-la.</numerusform>
            <numerusform>A classe &apos;%1&apos; tem %n exemplos mas nenhum na divisão de treino; o modelo não pode aprendê-la.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n box(es) will be smaller than %3 px after resizing to the input resolution (shorter side %4, longer side at most %5); the network may not see them. Raise input.min_side / input.max_side or crop. Images concerned: %2.</source>
        <translation>
            <numerusform>%n caixa ficará menor que %3 px após o redimensionamento para a resolução de entrada (lado menor %4, lado maior no máximo %5); a rede pode não vê-la. Aumente input.min_side / input.max_side ou recorte. Imagens envolvidas: %2.</numerusform>
            <numerusform>%n caixas ficarão menores que %3 px após o redimensionamento para a resolução de entrada (lado menor %4, lado maior no máximo %5); a rede pode não vê-las. Aumente input.min_side / input.max_side ou recorte. Imagens envolvidas: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n box(es) cover more than %3% of their image; such boxes teach little about where the object is (is this a classification task?). Images concerned: %2.</source>
        <translation>
            <numerusform>%n caixa cobre mais de %3% de sua imagem; uma caixa assim ensina pouco sobre onde o objeto está (é uma tarefa de classificação?). Imagens envolvidas: %2.</numerusform>
            <numerusform>%n caixas cobrem mais de %3% de suas imagens; caixas assim ensinam pouco sobre onde o objeto está (é uma tarefa de classificação?). Imagens envolvidas: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n group(s) of near-duplicate images (%2 images in all, perceptual hashes within %3 bits); they add little and inflate the apparent data set size.</source>
        <translation>
            <numerusform>%n grupo de imagens quase duplicadas (%2 imagens ao todo, hashes perceptuais a até %3 bits); acrescentam pouco e inflam o tamanho aparente do dataset.</numerusform>
            <numerusform>%n grupos de imagens quase duplicadas (%2 imagens ao todo, hashes perceptuais a até %3 bits); acrescentam pouco e inflam o tamanho aparente do dataset.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n group(s) of near-duplicate images sit in different splits, so validation and test partly measure memory; pin each group to one split.</source>
        <translation>
            <numerusform>%n grupo de imagens quase duplicadas está em divisões diferentes, de modo que validação e teste medem em parte a memória; fixe o grupo em uma divisão.</numerusform>
            <numerusform>%n grupos de imagens quase duplicadas estão em divisões diferentes, de modo que validação e teste medem em parte a memória; fixe cada grupo em uma divisão.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Classes are imbalanced: the largest has %1 %2 and the smallest %3, a ratio of %4 (above %5). Under-represented: %6. Add examples of these classes.</source>
        <translation>As classes estão desbalanceadas: a maior tem %1 %2 e a menor %3, uma razão de %4 (acima de %5). Sub-representadas: %6. Acrescente exemplos dessas classes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>objects</source>
        <translation>objetos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>examples</source>
        <translation>exemplos</translation>
    </message>
    <message>
        <location line="+195"/>
        <source> (%1 examples)</source>
        <translation> (%1 exemplos)</translation>
    </message>
</context>
<context>
    <name>visor::SuggestDialog</name>
    <message>
        <location filename="../widgets/suggestdialog.cpp" line="+41"/>
        <source>Suggested settings</source>
        <translation>Configurações sugeridas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the run may take on this machine; the schedule and the resolution fit it</source>
        <translation>Quanto tempo a execução pode levar nesta máquina; o cronograma e a resolução se ajustam a ele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest</source>
        <translation>Sugerir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time budget:</source>
        <translation>Orçamento de tempo:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parameter</source>
        <translation>Parâmetro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current</source>
        <translation>Atual</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Proposed</source>
        <translation>Proposto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Apply checked</source>
        <translation>Aplicar marcados</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the data set and timing the network on this machine…</source>
        <translation>Lendo o dataset e medindo o tempo da rede nesta máquina…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The advisor could not run: %1</source>
        <translation>O assistente não pôde ser executado: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The current settings are what the advisor would choose.</source>
        <translation>As configurações atuais são as que o assistente escolheria.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Boxes an anchor matches: %1 now, %2 with the proposed anchors.</source>
        <translation>Caixas que uma âncora casa: %1 agora, %2 com as âncoras propostas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;For you to do&lt;/b&gt; (no setting fixes these):</source>
        <translation>&lt;b&gt;Para você fazer&lt;/b&gt; (nenhuma configuração resolve isto):</translation>
    </message>
</context>
<context>
    <name>visor::Trainer</name>
    <message>
        <location filename="../engine/train/trainer.cpp" line="+164"/>
        <source>training a classifier needs at least two classes with examples in the training split</source>
        <translation>treinar um classificador requer pelo menos duas classes com exemplos na partição de treino</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training a detector needs boxes of at least one class in the training split</source>
        <translation>treinar um detector requer caixas de pelo menos uma classe na partição de treino</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>no readable image in the training split</source>
        <translation>nenhuma imagem legível na partição de treino</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no run %1 to resume</source>
        <translation>não há execução %1 para retomar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 is being trained by another process right now</source>
        <translation>a execução %1 está sendo treinada por outro processo neste momento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run %1 has no complete checkpoint to resume from (it ended before its first epoch finished); start a new run</source>
        <translation>a execução %1 não tem checkpoint completo para retomar (terminou antes do fim da primeira época); inicie uma nova execução</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the validation split is empty: %1 training examples were held out as this run&apos;s validation</source>
        <translation>a partição de validação está vazia: %1 exemplos de treinamento foram separados como validação desta execução</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>cancelled by the user during epoch %1; the last checkpoint is kept</source>
        <translation>cancelado pelo usuário durante a época %1; o último checkpoint é mantido</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the loss became %1 at epoch %2, step %3; training stopped, the last good checkpoint is kept (try a lower optimizer.learning_rate)</source>
        <translation>a perda virou %1 na época %2, passo %3; o treinamento parou e o último checkpoint bom é mantido (tente um optimizer.learning_rate menor)</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>stopped early after epoch %1: no improvement of %2 for %n epoch(s)</source>
        <translation>
            <numerusform>parou cedo após a época %1: nenhuma melhora de %2 por %n época</numerusform>
            <numerusform>parou cedo após a época %1: nenhuma melhora de %2 por %n épocas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>ran the %n epoch(s) of train.epochs</source>
        <translation>
            <numerusform>executou a %n época de train.epochs</numerusform>
            <numerusform>executou as %n épocas de train.epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n example(s) left out, their image missing or unreadable (first: %1)</source>
        <translation>
            <numerusform>%n exemplo deixado de fora, com a imagem ausente ou ilegível (primeiro: %1)</numerusform>
            <numerusform>%n exemplos deixados de fora, com a imagem ausente ou ilegível (primeiro: %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-66"/>
        <source>stopped after epoch %1 at %2 s: another epoch (about %3 s) and the final test (about %4 s) would pass the time limit of %5 s</source>
        <translation>parou após a época %1 em %2 s: mais uma época (cerca de %3 s) e o teste final (cerca de %4 s) passariam do limite de tempo de %5 s</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>; %1 was still improving at the last epoch: more epochs (or a larger time budget) would likely help</source>
        <translation>; %1 ainda melhorava na última época: mais épocas (ou um orçamento de tempo maior) provavelmente ajudariam</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>training failed: %1</source>
        <translation>o treinamento falhou: %1</translation>
    </message>
    <message>
        <location filename="../engine/train/checkpoint.cpp" line="+35"/>
        <source>the checkpoint %1 does not exist</source>
        <translation>o checkpoint %1 não existe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the checkpoint %1 (%2 bytes) cannot be read: it is damaged, incomplete or from another model (%3; details in %4)</source>
        <translation>o checkpoint %1 (%2 bytes) não pode ser lido: está danificado, incompleto ou é de outro modelo (%3; detalhes em %4)</translation>
    </message>
    <message>
        <location filename="../engine/train/dataset.cpp" line="+50"/>
        <source>example %1 (%2): %3 cannot be decoded; left out</source>
        <translation>exemplo %1 (%2): %3 não pode ser decodificado; deixado de fora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>example %1 (%2): %3 is missing; left out</source>
        <translation>exemplo %1 (%2): %3 está ausente; deixado de fora</translation>
    </message>
    <message>
        <location filename="../engine/train/testpredictions.cpp" line="+50"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not a JSON object</source>
        <translation>não é um objeto JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown version %1</source>
        <translation>versão desconhecida %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an image without an example id</source>
        <translation>uma imagem sem id de exemplo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a box of example %1 is not [class, score, x1, y1, x2, y2]</source>
        <translation>uma caixa do exemplo %1 não é [classe, pontuação, x1, y1, x2, y2]</translation>
    </message>
</context>
<context>
    <name>visor::TrainingDashboard</name>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="+23"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+75"/>
        <source>No training run yet.</source>
        <translation>Nenhuma execução de treinamento ainda.</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+2"/>
        <source>loss</source>
        <translation>perda</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>step loss (smoothed)</source>
        <translation>perda por passo (suavizada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>val_loss</source>
        <translation>val_loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>metric</source>
        <translation>métrica</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>train</source>
        <translation>treino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>taxa de aprendizagem</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>train %1</source>
        <translation>treino %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation %1</source>
        <translation>validação %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Run %1, started %2 (%3):</source>
        <translation>Execução %1, iniciada em %2 (%3):</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+105"/>
        <source>early stop</source>
        <translation>parada antecipada</translation>
    </message>
    <message numerus="yes">
        <location line="-101"/>
        <source>Run %1 (%2): %n epoch(s).</source>
        <translation>
            <numerusform>Execução %1 (%2): %n época.</numerusform>
            <numerusform>Execução %1 (%2): %n épocas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1: %2</source>
        <translation>execução %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preparing the data and the network…</source>
        <translation>Preparando os dados e a rede…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training started.</source>
        <translation>Treinamento iniciado.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>epoch %1/%2 · step %3/%4 · ETA %5:%6</source>
        <translation>época %1/%2 · passo %3/%4 · tempo restante %5:%6</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training: loss %L1</source>
        <translation>Treinamento: perda %L1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>epoch %1: loss %L2, val_loss %L3, %4 %L5, validation %4 %L6, lr %L7, %L8 s</source>
        <translation>época %1: perda %L2, val_loss %L3, %4 %L5, validação %4 %L6, taxa %L7, %L8 s</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>LR %L1</source>
        <translation>taxa %L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch %1: learning rate reduced to %L2</source>
        <translation>época %1: taxa de aprendizagem reduzida para %L2</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Cancelled after %n epoch(s); the last checkpoint is kept.</source>
        <translation>
            <numerusform>Cancelado após %n época; o último checkpoint é mantido.</numerusform>
            <numerusform>Cancelado após %n épocas; o último checkpoint é mantido.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Run %1 done after %n epoch(s) in %3 s (best epoch %4).</source>
        <translation>
            <numerusform>Execução %1 concluída após %n época em %3 s (melhor época %4).</numerusform>
            <numerusform>Execução %1 concluída após %n épocas em %3 s (melhor época %4).</numerusform>
        </translation>
    </message>
    <message>
        <location line="-40"/>
        <source>best</source>
        <translation>melhor</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;b&gt;Overfitting suspected since epoch %1.&lt;/b&gt; The validation %2 has fallen while the training %2 kept rising, and the gap between them widens. Add examples (30–50 like the ones the model gets wrong), increase data augmentation, or keep the best epoch&apos;s checkpoint.</source>
        <translation>&lt;b&gt;Suspeita de sobreajuste desde a época %1.&lt;/b&gt; A %2 de validação caiu enquanto a %2 de treino continuou subindo, e a diferença entre elas aumenta. Adicione exemplos (30–50 como os que o modelo erra), aumente o aumento de dados ou mantenha o checkpoint da melhor época.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Overfitting suspected since epoch %1.&lt;/b&gt; The validation loss has risen while the training loss kept falling. Add examples (30–50 like the ones the model gets wrong), increase data augmentation, or let early stopping end the run at the best epoch.</source>
        <translation>&lt;b&gt;Suspeita de sobreajuste (overfitting) desde a época %1.&lt;/b&gt; A perda de validação subiu enquanto a perda de treino continuou caindo. Acrescente exemplos (30–50 parecidos com os que o modelo erra), aumente a expansão de dados ou deixe a parada antecipada encerrar a execução na melhor época.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Training failed.</source>
        <translation>O treinamento falhou.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
</context>
<context>
    <name>visor::TrainingPage</name>
    <message>
        <location filename="../widgets/trainingpage.cpp" line="+35"/>
        <source>Training stopped: %1</source>
        <translation>Treinamento interrompido: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start training</source>
        <translation>Iniciar o treinamento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a new run with these parameters (Ctrl+R)</source>
        <translation>Treinar uma nova execução com estes parâmetros (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop within one step; the last checkpoint is kept</source>
        <translation>Para em até um passo; o último checkpoint é mantido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume last run</source>
        <translation>Retomar a última execução</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the latest run from its last checkpoint, with its own parameters</source>
        <translation>Continuar a execução mais recente a partir do seu último checkpoint, com os parâmetros dela</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Suggest settings…</source>
        <translation>Sugerir configurações…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Settings chosen from this data set and a time budget, each with its reason</source>
        <translation>Configurações escolhidas a partir deste dataset e de um orçamento de tempo, cada uma com o seu motivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start anyway</source>
        <translation>Iniciar assim mesmo</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+67"/>
        <location line="+40"/>
        <source>accuracy</source>
        <translation>acurácia</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+67"/>
        <location line="+40"/>
        <source>mAP@0.5</source>
        <translation>mAP@0.5</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Stored values this Visor cannot use (a plugin that provided them may be missing; Help &gt; Plugins); the defaults are shown and a run uses them:
%1</source>
        <translation>Valores guardados que este Visor não pode usar (talvez falte o plugin que os fornecia; Ajuda &gt; Plugins); os padrões são mostrados e um treino os usa:
%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no run to resume yet.</source>
        <translation>Ainda não há execução para retomar.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fix these values first:
%1</source>
        <translation>Corrija primeiro estes valores:
%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Before you train: %1</source>
        <translation>Antes de treinar: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Resuming run %1…</source>
        <translation>Retomando a execução %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training started.</source>
        <translation>Treinamento iniciado.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n suggested setting(s) applied.</source>
        <translation>
            <numerusform>%n configuração sugerida aplicada.</numerusform>
            <numerusform>%n configurações sugeridas aplicadas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling after the current step…</source>
        <translation>Cancelando após o passo atual…</translation>
    </message>
</context>
<context>
    <name>visor::WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="+16"/>
        <source>&lt;h1&gt;Visor&lt;/h1&gt;&lt;p&gt;Build a computer-vision model from your own images: import and annotate them, check the data set&apos;s health, preview augmentation, train and watch the curves, then look at the mistakes and improve.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Visor&lt;/h1&gt;&lt;p&gt;Crie um modelo de visão computacional com as suas próprias imagens: importe-as e anote-as, verifique a saúde do dataset, visualize a expansão de dados, treine acompanhando as curvas e depois examine os erros e melhore.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New project…</source>
        <translation>Novo projeto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open project…</source>
        <translation>Abrir projeto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo project (generated shapes)</source>
        <translation>Abrir o projeto de demonstração (formas geradas)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;b&gt;Recent projects&lt;/b&gt; (double-click to open)</source>
        <translation>&lt;b&gt;Projetos recentes&lt;/b&gt; (clique duas vezes para abrir)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No recent project yet.</source>
        <translation>Nenhum projeto recente ainda.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continue with %1</source>
        <translation>Continuar com %1</translation>
    </message>
</context>
</TS>
